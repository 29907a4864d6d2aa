import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createClientToken, maskWalletId, type ServerCredentials } from '@ecny/sdk-core'
import {
  createMerchantClient,
  EcnyError,
  type MerchantClient,
  type MerchantNotificationEvent,
  type ReplayStore,
} from '@ecny/sdk-merchant'
import { createOrderBook, type OrderBook } from './orderBook.js'
import { type NightlyReconciliationResult, runNightlyReconciliation } from './reconcileJob.js'

export type MerchantServerOptions = {
  /** The gateway's base URL, e.g. the sandbox's `url`. */
  gatewayUrl: string
  /** Your app's server credentials: they stay on this server. */
  credentials: ServerCredentials
  /** The merchant this shop sells as. Default: the app's only merchant. */
  merchantId?: string
  /** Default 0 (any free port). */
  port?: number
  /** Default `127.0.0.1`. */
  host?: string
  /**
   * The URL the gateway can reach this server at, for notifications. Default: the address it
   * listens on (right for the sandbox on the same machine; in production, your public https URL).
   */
  publicUrl?: string
  /**
   * Where notification event ids are remembered. Default: the SDK's in-memory store, right for one
   * process; several instances share one, e.g. `createRedisReplayStore` (see `replayStoreFromEnv.ts`).
   */
  replayStore?: ReplayStore
  /** Where to log one line per event. Default: `console.log`; `false` for quiet. */
  log?: ((line: string) => void) | false
}

export type MerchantServer = {
  /** e.g. `http://127.0.0.1:4242`. */
  url: string
  /** Where the gateway POSTs notifications (`<url>/ecny/notifications`). */
  notifyUrl: string
  /** The shop's own books. */
  orders: OrderBook
  /** The merchant client the server uses (server credentials). */
  merchant: MerchantClient
  /** Every verified notification delivery, duplicates included (for demos and tests). */
  deliveries: { eventId: string; type: string; applied: boolean }[]
  /** The nightly job: downloads `date`'s statement and reconciles it against `orders`. */
  reconcile(date: string, print?: (text: string) => void): Promise<NightlyReconciliationResult>
  close(): Promise<void>
}

/** Largest amount the demo shop accepts from the checkout endpoint, in fen (¥50,000). */
const maxCheckoutAmount = 5_000_000

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > 16_384) throw new HttpError(413, 'body too large')
    chunks.push(chunk)
  }
  if (size === 0) return {}
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>
  } catch {}
  throw new HttpError(400, 'body must be a JSON object')
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

/**
 * A shop's backend on plain `node:http`:
 *
 * - `POST /api/checkout` `{ amount, description? }` creates a QR order with `@ecny/sdk-merchant` and
 *   mints a client token scoped to that one order, returning what `useCheckout` expects:
 *   `{ orderId, qrPayload, amount, expiresAt, clientToken }`.
 * - `POST /api/checkout/:orderId/close` closes an order the page abandoned.
 * - `GET /api/orders/:merchantOrderNo` the shop's own record (paid only once a notification said so).
 * - `POST /ecny/notifications` the notification receiver, the SDK's node:http handler: verifies the
 *   signature, claims the event id, applies it, commits on success and releases (500, retried) on
 *   failure; duplicates of a handled event are acknowledged without applying them again.
 *
 * `reconcile(date)` is the nightly job (see `reconcileJob.ts`).
 */
export async function startMerchantServer(options: MerchantServerOptions): Promise<MerchantServer> {
  const log = options.log === false ? () => {} : (options.log ?? ((line: string) => console.log(line)))
  const merchant = createMerchantClient({
    baseUrl: options.gatewayUrl,
    credentials: options.credentials,
    ...(options.merchantId !== undefined && { merchantId: options.merchantId }),
    ...(options.replayStore && { notifications: { replayStore: options.replayStore } }),
  })
  const orders = createOrderBook()
  const deliveries: MerchantServer['deliveries'] = []
  let notifyUrl = ''

  async function checkout(req: IncomingMessage, res: ServerResponse) {
    const body = await readJson(req)
    const amount = body.amount
    // A real shop prices the cart itself and never trusts an amount from the browser; the demo
    // takes one (any whole number of fen up to a limit) so the page can try any amount.
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1 || amount > maxCheckoutAmount)
      throw new HttpError(400, `amount must be a whole number of fen from 1 to ${maxCheckoutAmount}`)
    const description =
      typeof body.description === 'string' && body.description ? body.description : 'Demo order'
    const merchantOrderNo = `SHOP-${Date.now()}-${randomUUID().slice(0, 8)}`
    const order = await merchant.orders.create({
      mode: 'qr',
      merchantOrderNo,
      amount,
      description: description.slice(0, 40),
      expiresInSeconds: 300,
      notifyUrl,
    })
    orders.add({
      merchantOrderNo,
      orderId: order.id,
      amount: order.amount,
      description: order.description,
      status: 'pending',
      createdAt: order.createdAt,
    })
    const token = await createClientToken(merchant, {
      scope: { type: 'order', id: order.id },
      ttlSeconds: 900,
    })
    log(`checkout: created ${merchantOrderNo} (${order.id}) for ${amount} fen`)
    sendJson(res, 201, {
      orderId: order.id,
      merchantOrderNo,
      qrPayload: order.qrPayload,
      amount: order.amount,
      expiresAt: order.expiresAt,
      clientToken: token.token,
    })
  }

  async function closeOrder(res: ServerResponse, orderId: string) {
    if (!orders.byOrderId(orderId)) throw new HttpError(404, 'no such order')
    try {
      await merchant.orders.close({ orderId })
      log(`checkout: closed abandoned order ${orderId}`)
    } catch (error) {
      // Already paid, closed or expired: nothing to close. If it was paid, refund it or ship it.
      if (!(error instanceof EcnyError)) throw error
      log(`checkout: could not close ${orderId} (${error.code})`)
    }
    res.writeHead(204).end()
  }

  function apply(event: MerchantNotificationEvent): boolean {
    switch (event.type) {
      case 'order.succeeded':
      case 'order.failed':
      case 'order.closed':
        return orders.applyFinalState(event.data)
      default:
        return false // refunds, merchant review, unknown types: acknowledged, nothing to do here
    }
  }

  // The notification endpoint: the SDK's handler verifies the signature, claims the event id, runs
  // `apply`, and commits the id only when `apply` returned. If `apply` throws (database down), the id
  // is released and the answer is 500, so the gateway's retry applies the event: at least once, and
  // exactly once with the replay store; `apply` is idempotent on top, so a store that forgot
  // (restart, several instances) changes nothing either.
  const receiveNotification = merchant.notifications.nodeHandler({
    handle: (event) => {
      const applied = apply(event)
      deliveries.push({ eventId: event.id, type: event.type, applied })
      log(`notification: ${event.type} ${event.id} ${applied ? 'applied' : 'already applied'}`)
    },
    onAnswer: (answer) => {
      const eventId = answer.event?.id ?? '?'
      if (answer.outcome === 'duplicate') {
        deliveries.push({ eventId, type: 'replayed', applied: false })
        log(`notification: duplicate delivery of ${eventId}, acknowledged`)
      } else if (answer.outcome !== 'handled') {
        // Bad signature, stale, malformed (400), a failed apply (500), in progress (409): the gateway retries.
        const reason = answer.error instanceof EcnyError ? answer.error.code : String(answer.error)
        log(`notification: ${answer.outcome}, answered ${answer.status} (${reason})`)
      }
    },
  })

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const method = req.method ?? 'GET'
    const path = url.pathname
    if (method === 'POST' && path === '/api/checkout') return checkout(req, res)
    const close = /^\/api\/checkout\/([\w-]+)\/close$/.exec(path)
    if (method === 'POST' && close) return closeOrder(res, close[1]!)
    const read = /^\/api\/orders\/([\w-]+)$/.exec(path)
    if (method === 'GET' && read) {
      const order = orders.get(read[1]!)
      if (!order) throw new HttpError(404, 'no such order')
      // Personal data leaves the server masked.
      const payer = order.payerWalletId
      return sendJson(res, 200, { ...order, ...(payer && { payerWalletId: maskWalletId(payer) }) })
    }
    if (method === 'POST' && path === '/ecny/notifications') {
      await receiveNotification(req, res)
      return
    }
    if (method === 'GET' && path === '/healthz') return sendJson(res, 200, { ok: true })
    throw new HttpError(404, 'not found')
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.end()
      if (error instanceof HttpError)
        return sendJson(res, error.status, { error: { message: error.message } })
      if (error instanceof EcnyError) {
        // The gateway's code and request id help support; never the stack or credentials.
        log(`error: ${error.code} ${error.message}`)
        const status = error.code === 'invalid_request' ? 400 : 502
        return sendJson(res, status, {
          error: { code: error.code, message: error.message, requestId: error.requestId },
        })
      }
      log(`error: ${String(error)}`)
      sendJson(res, 500, { error: { message: 'internal error' } })
    })
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const url = `http://${host}:${address.port}`
  notifyUrl = `${(options.publicUrl ?? url).replace(/\/+$/, '')}/ecny/notifications`

  return {
    url,
    notifyUrl,
    orders,
    merchant,
    deliveries,
    reconcile: (date, print) =>
      runNightlyReconciliation({ merchant, records: orders.toMerchantRecords(), date, print: print ?? log }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
