import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  ackNotification,
  createNodeNotificationVerifier,
  EcnyError,
  type MerchantNotificationEvent,
} from '@ecny/sdk-merchant'

/**
 * The merchant's notification endpoint: verify each event over its raw body, apply it once (a
 * replayed event id is acknowledged and ignored), answer SUCCESS.
 */
export async function startNotificationReceiver(gatewayUrl: string) {
  const verify = createNodeNotificationVerifier({ gatewayKeys: `${gatewayUrl}/.well-known/jwks.json` })
  const applied: MerchantNotificationEvent[] = []
  let rejected = 0
  const server = createServer(async (req, res) => {
    try {
      applied.push(await verify(req))
    } catch (error) {
      if (!(error instanceof EcnyError && error.code === 'notification_replayed')) {
        rejected++
        res.writeHead(400).end()
        return
      }
    }
    const ack = ackNotification()
    res.writeHead(ack.status, ack.headers).end(ack.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/ecny/notifications`,
    applied,
    rejected: () => rejected,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
