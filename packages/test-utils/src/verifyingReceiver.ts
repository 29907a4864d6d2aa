import { createServer } from 'node:http'
import { EcnyError } from '@ecny/sdk-core'
import {
  ackNotification,
  createNodeNotificationVerifier,
  type MerchantNotificationEvent,
  type NodeNotificationVerifierOptions,
} from '@ecny/sdk-merchant'
import { closeServer, listen } from './loopback.js'

export type ReceivedNotification = {
  id: string | undefined
  outcome: 'applied' | 'duplicate' | 'rejected'
  code?: string
  status: number
}

export type NotificationReceiver = {
  url: string
  /** Every request, in arrival order. */
  log: ReceivedNotification[]
  /** How many times each event's effect was applied (must be 1 for each). */
  applied: Map<string, number>
  /** Verified events, by id. */
  events: Map<string, MerchantNotificationEvent>
  close(): Promise<void>
}

/**
 * A merchant's notification endpoint on 127.0.0.1: the SDK's `createNodeNotificationVerifier` reads and
 * verifies the raw request, its replay store de-duplicates by event id, and only a newly verified
 * event is applied (`onEvent`); duplicates are acknowledged without applying; anything else is
 * refused with 400 (413 for an oversized body), so the gateway retries.
 */
export async function startNotificationReceiver(
  options: NodeNotificationVerifierOptions & { onEvent?: (event: MerchantNotificationEvent) => void },
): Promise<NotificationReceiver> {
  const { onEvent, ...verifierOptions } = options
  const verify = createNodeNotificationVerifier(verifierOptions)
  const receiver: NotificationReceiver = {
    url: '',
    log: [],
    applied: new Map(),
    events: new Map(),
    close: async () => {},
  }
  const server = createServer((req, res) => {
    void (async () => {
      const announced = req.headers['ecny-notification-id']
      const id = typeof announced === 'string' ? announced : undefined
      try {
        const event = await verify(req)
        receiver.events.set(event.id, event)
        receiver.applied.set(event.id, (receiver.applied.get(event.id) ?? 0) + 1)
        onEvent?.(event)
        receiver.log.push({ id: event.id, outcome: 'applied', status: 200 })
      } catch (error) {
        if (error instanceof EcnyError && error.code === 'notification_replayed') {
          receiver.log.push({ id, outcome: 'duplicate', code: error.code, status: 200 })
        } else {
          const code = error instanceof EcnyError ? error.code : 'unexpected_exception'
          const status = code === 'payload_too_large' ? 413 : 400
          receiver.log.push({ id, outcome: 'rejected', code, status })
          res.writeHead(status, { 'content-type': 'application/json', connection: 'close' })
          res.end(JSON.stringify({ code: 'FAIL', reason: code }))
          return
        }
      }
      const ack = ackNotification()
      res.writeHead(ack.status, ack.headers).end(ack.body)
    })()
  })
  receiver.url = `${await listen(server)}/ecny/notify`
  receiver.close = () => closeServer(server)
  return receiver
}
