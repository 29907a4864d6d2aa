/**
 * Test-mode routes (`/v1/test/…`), served when the rails are in test mode and refused with 403
 * `permission_denied` otherwise. Signed with the app's credentials like every call; never faulted.
 *
 * GET  /v1/test/clock                     → TestClock {now, mode, offsetSeconds, notificationsDue}
 * POST /v1/test/clock/advance             {seconds} → TestClock (expiry, usage resets, retries, campaign windows)
 * POST /v1/test/triggers                  {action: pay|expire|fail, orderId, walletId?, failureCode?} → TestTrigger
 * GET  /v1/test/notifications             ?status= → the app's merchants' notifications, with attempts
 * POST /v1/test/notifications/{id}/resend → TestNotification (one more delivery, now)
 * POST /v1/test/notifications/claim       {limit?} → {data: ClaimedDelivery[]} (for `ecny listen`)
 * POST /v1/test/notifications/{id}/forwarded {attempt, httpStatus, body?, error?} → TestNotification
 * GET  /v1/test/faults · POST /v1/test/faults {…FaultOptions} → the faults in force
 * GET  /v1/test/ledger/verification       → {ok, total, negativeAccounts, entryCount}
 */
import { operations } from '@ecny/protocol'
import { assertMerchantAccess } from '../http/callerAccess.js'
import type { Caller, RouteDefinition, RouteInput } from '../http/routeDefinition.js'
import { parseParams } from '../support/parseParams.js'
import type { MerchantFilter } from './createTestControls.js'
import { requireTestMode } from './requireTestMode.js'

/** The merchants an app acts for (`null`: all of them). */
const merchantsOf = (caller: Caller): MerchantFilter => (caller.kind === 'app' ? caller.app.merchantIds : [])

/** A route that refuses to run unless the rails are in test mode. */
function testRoute(
  operation: (typeof operations)[keyof typeof operations],
  handle: (input: RouteInput) => unknown,
): RouteDefinition {
  return {
    ...operation,
    handle: (input) => {
      requireTestMode(input.testControls.enabled, operation.name)
      return handle(input)
    },
  }
}

export const testControlRoutes: RouteDefinition[] = [
  testRoute(operations.getTestClock, ({ testControls }) => testControls.clock()),
  testRoute(operations.advanceTestClock, ({ testControls, body }) =>
    testControls.advanceClock(parseParams(operations.advanceTestClock.request, body).seconds),
  ),
  testRoute(operations.triggerTestEvent, ({ testControls, engine, body, caller }) => {
    const params = parseParams(operations.triggerTestEvent.request, body)
    assertMerchantAccess(caller, engine.getOrder(params.orderId).merchantId)
    return testControls.trigger(params)
  }),
  testRoute(operations.listTestNotifications, ({ testControls, query, caller }) => {
    const { status } = parseParams(operations.listTestNotifications.query, Object.fromEntries(query))
    return {
      data: testControls.listNotifications({ status, merchantIds: merchantsOf(caller) }),
      nextCursor: null,
    }
  }),
  testRoute(operations.resendTestNotification, ({ testControls, params, caller }) =>
    testControls.resendNotification(params.id!, merchantsOf(caller)),
  ),
  testRoute(operations.claimTestNotifications, async ({ testControls, body, caller }) => {
    const { limit } = parseParams(operations.claimTestNotifications.request, body)
    return { data: await testControls.claimNotifications({ merchantIds: merchantsOf(caller), limit }) }
  }),
  testRoute(operations.reportForwardedDelivery, ({ testControls, params, body, caller }) =>
    testControls.reportForwarded(
      params.id!,
      parseParams(operations.reportForwardedDelivery.request, body),
      merchantsOf(caller),
    ),
  ),
  testRoute(operations.getTestFaults, ({ testControls }) => testControls.faults()),
  testRoute(operations.setTestFaults, ({ testControls, body }) =>
    testControls.setFaults(parseParams(operations.setTestFaults.request, body)),
  ),
  testRoute(operations.verifyTestLedger, ({ testControls }) => testControls.verifyLedger()),
]
