/**
 * A merchant's notification receiver, as a user would write it, on a real loopback HTTP server:
 * the SDK's notification handler verifies each notification, claims its id, applies its effect and
 * commits (releasing it, with a 500, when the effect fails), and answers `{"code":"SUCCESS"}`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import {
  createFetchNotificationHandler,
  createMemoryReplayStore,
  createNodeNotificationHandler,
  type MerchantNotificationEvent,
  type NotificationAnswer,
  type VerifyNotificationOptions,
} from '@ecny/sdk-merchant'
import { closeServer, listen } from './loopback.js'

export type MerchantReceiver = {
  url: string
  /** Times each event's effect was applied (must be 1). */
  applied: Map<string, number>
  /** The merchant's books: order id → paid amount, refund id → amount. */
  paid: Map<string, number>
  refunded: Map<string, number>
  /** Every request the server received, with its raw body and headers. */
  received: Array<{ body: string; headers: Record<string, string> }>
  rejected: { replayed: number; invalid: number }
  /** Verified events, in the order applied. */
  events: MerchantNotificationEvent[]
  /** Make the handler fail (answer 500) this many more times. */
  failNext(times: number): void
  close(): Promise<void>
}

type Handle = (event: MerchantNotificationEvent) => void

function state() {
  const receiver = {
    applied: new Map<string, number>(),
    paid: new Map<string, number>(),
    refunded: new Map<string, number>(),
    received: [] as MerchantReceiver['received'],
    rejected: { replayed: 0, invalid: 0 },
    events: [] as MerchantNotificationEvent[],
    failures: 0,
  }
  const apply: Handle = (event) => {
    if (receiver.failures > 0) {
      receiver.failures--
      throw new Error('database unavailable')
    }
    receiver.applied.set(event.id, (receiver.applied.get(event.id) ?? 0) + 1)
    receiver.events.push(event)
    if (event.type === 'order.succeeded') receiver.paid.set(event.data.id, event.data.paidAmount)
    if (event.type === 'refund.succeeded') receiver.refunded.set(event.data.id, event.data.amount)
  }
  return { receiver, apply }
}

/** Counts the answers the SDK's handler gave. */
const count = (receiver: ReturnType<typeof state>['receiver']) => (answer: NotificationAnswer) => {
  if (answer.outcome === 'duplicate') receiver.rejected.replayed++
  if (answer.outcome === 'rejected') receiver.rejected.invalid++
}

/**
 * A receiver built on the SDK's Node `http` handler.
 *
 * @example
 * const receiver = await startNodeReceiver({ gatewayKeys: await h.rails.jwks() })
 * // …seed the merchant with notifyUrl: receiver.url…
 * await receiver.close()
 */
export async function startNodeReceiver(
  options: Omit<VerifyNotificationOptions, 'replayStore'>,
): Promise<MerchantReceiver> {
  const { receiver, apply } = state()
  const receive = createNodeNotificationHandler({
    ...options,
    replayStore: createMemoryReplayStore({ now: options.now }),
    handle: apply,
    onAnswer: count(receiver),
  })
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    receiver.received.push({ body: '', headers: req.headers as Record<string, string> })
    await receive(req, res)
  })
  const url = `${await listen(server)}/ecny/notify`
  return {
    url,
    ...receiver,
    failNext: (times) => {
      receiver.failures = times
    },
    close: () => closeServer(server),
  }
}

/** A receiver built on the Fetch handler, behind a tiny node:http → Request bridge. */
export async function startFetchReceiver(
  options: Omit<VerifyNotificationOptions, 'replayStore'>,
): Promise<MerchantReceiver> {
  const { receiver, apply } = state()
  const handler = createFetchNotificationHandler({
    ...options,
    replayStore: createMemoryReplayStore({ now: options.now }),
    handle: apply,
    onAnswer: count(receiver),
  })
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    receiver.received.push({ body: body.toString('utf8'), headers: req.headers as Record<string, string> })
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers.set(name, value)
    const response = await handler(
      new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body }),
    )
    res
      .writeHead(response.status, Object.fromEntries(response.headers))
      .end(Buffer.from(await response.arrayBuffer()))
  })
  const url = `${await listen(server)}/ecny/notify`
  return {
    url,
    ...receiver,
    failNext: (times) => {
      receiver.failures = times
    },
    close: () => closeServer(server),
  }
}
