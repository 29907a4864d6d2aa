import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { CmbOperator } from '@ecny/operator-cmb'

/** A notification the receiver verified and applied: its event id, type and merchant number. */
export type AppliedCmbEvent = { id: string; type: string; number: string }

/**
 * The merchant's notification endpoint for CMB's form notifications: verify the form with CMB's key
 * (`operator.parseNotification`, before anything in it is used), apply each event once (a repeat of
 * an event id is acknowledged and ignored), and answer with the **signed** SUCCESS ack — an unsigned
 * one makes CMB send again. Anything that does not verify is answered 400 and not applied.
 */
export async function startCmbNotificationReceiver(operator: CmbOperator) {
  const applied: AppliedCmbEvent[] = []
  const seen = new Set<string>()
  let repeatsIgnored = 0
  let rejected = 0
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
    let event: ReturnType<CmbOperator['parseNotification']>['event']
    try {
      event = operator.parseNotification(Buffer.concat(chunks).toString('utf8')).event
    } catch {
      rejected++
      res.writeHead(400).end()
      return
    }
    if (seen.has(event.id)) repeatsIgnored++
    else {
      seen.add(event.id)
      const data = event.data as { merchantOrderNo?: string; merchantRefundNo?: string }
      applied.push({
        id: event.id,
        type: event.type,
        number: data.merchantRefundNo ?? data.merchantOrderNo ?? '',
      })
    }
    const ack = operator.ack()
    res.writeHead(ack.status, ack.headers).end(ack.body)
  })
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
