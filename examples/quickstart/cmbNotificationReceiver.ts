import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { CmbOperator } from '@ecny/operator-cmb'
import { createNodeNotificationHandler } from '@ecny/sdk-merchant'

/** A notification the receiver verified and applied: its event id, type and merchant number. */
export type AppliedCmbEvent = { id: string; type: string; number: string }

/**
 * The merchant's notification endpoint for CMB's form notifications, with the SDK's node:http
 * handler and the CMB operator: the form is verified with CMB's key before anything in it is used
 * (400 otherwise), each event is applied once (a repeat is acknowledged and ignored), and the answer
 * is CMB's **signed** SUCCESS ack — an unsigned one makes CMB send again.
 */
export async function startCmbNotificationReceiver(operator: CmbOperator) {
  const applied: AppliedCmbEvent[] = []
  let repeatsIgnored = 0
  let rejected = 0
  const receive = createNodeNotificationHandler({
    operator,
    handle: (event) => {
      const data = event.data as { merchantOrderNo?: string; merchantRefundNo?: string }
      applied.push({
        id: event.id,
        type: event.type,
        number: data.merchantRefundNo ?? data.merchantOrderNo ?? '',
      })
    },
    onAnswer: (answer) => {
      if (answer.outcome === 'duplicate') repeatsIgnored++
      else if (answer.outcome === 'rejected') rejected++
    },
  })
  const server = createServer((req, res) => void receive(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/cmb/notify`,
    applied,
    repeatsIgnored: () => repeatsIgnored,
    rejected: () => rejected,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
