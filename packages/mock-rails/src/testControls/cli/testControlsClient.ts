import { operations } from '@ecny/protocol'
import type { EcnyBaseClient } from '@ecny/sdk-core'
import { fromOperation, type z } from '@ecny/sdk-core/internal'

type Body<K extends keyof typeof operations> = (typeof operations)[K] extends {
  request: infer S extends z.ZodMiniType
}
  ? z.input<S>
  : never

/**
 * The test-mode controls of a sandbox over HTTP, through a signed SDK client: what the
 * `ecny-sandbox clock|trigger|events|faults|ledger` commands call. Answers are verified and parsed
 * like every call; a sandbox not in test mode answers `permission_denied`.
 *
 * @example
 * const controls = testControlsClient(createBaseClient({ baseUrl: sandbox.url, credentials }))
 * await controls.advanceClock({ seconds: 86_400 })
 */
export function testControlsClient(client: EcnyBaseClient) {
  return {
    clock: () => client.request(fromOperation(operations.getTestClock)),
    advanceClock: (body: Body<'advanceTestClock'>) =>
      client.request({ ...fromOperation(operations.advanceTestClock), body }),
    trigger: (body: Body<'triggerTestEvent'>) =>
      client.request({ ...fromOperation(operations.triggerTestEvent), body }),
    listNotifications: (status?: string) =>
      client.request({ ...fromOperation(operations.listTestNotifications), query: { status } }),
    resendNotification: (id: string) =>
      client.request({ ...fromOperation(operations.resendTestNotification, { id }), body: {} }),
    faults: () => client.request(fromOperation(operations.getTestFaults)),
    setFaults: (body: Body<'setTestFaults'>) =>
      client.request({ ...fromOperation(operations.setTestFaults), body }),
    verifyLedger: () => client.request(fromOperation(operations.verifyTestLedger)),
  }
}

export type TestControlsClient = ReturnType<typeof testControlsClient>
