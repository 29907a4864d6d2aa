import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { CmbOperator } from '@ecny/operator-cmb'
import {
  createMemoryReplayStore,
  createMerchantClient,
  EcnyError,
  type ReplayStore,
} from '@ecny/sdk-merchant'
import { createShopBook, type ShopBook } from './shopBook.js'

export type CmbShopOptions = {
  /** `cmb({...})`: who the shop is at CMB, and which CMB host it talks to. */
  operator: CmbOperator
  /** Default 0 (any free port). */
  port?: number
  /** Default `127.0.0.1`. */
  host?: string
  /**
   * Where CMB posts notifications: the URL you registered with CMB. Default: this server's own
   * address (right for the sandbox on the same machine only).
   */
  notifyUrl?: string
  /** Where notification ids are remembered. Default: in memory (one process). */
  replayStore?: ReplayStore
  /** One line per event. Default `console.log`; `false` for quiet. */
  log?: ((line: string) => void) | false
}

export type CmbShop = {
  url: string
  notifyUrl: string
  orders: ShopBook
  /** Every verified notification delivery, repeats included. */
  deliveries: Array<{ eventId: string; type: string; applied: boolean }>
  close(): Promise<void>
}

/** Largest amount the demo shop takes, in fen (¥50,000). */
const maxAmount = 5_000_000

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > 65_536) throw new HttpError(413, 'body too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse((await readText(req)) || '{}')
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>
  } catch (error) {
    if (error instanceof HttpError) throw error
  }
  throw new HttpError(400, 'body must be a JSON object')
}

function amountOf(body: Record<string, unknown>): number {
  const amount = body.amount
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1 || amount > maxAmount)
    throw new HttpError(400, `amount must be a whole number of fen from 1 to ${maxAmount}`)
  return amount
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

/** An SDK error as the shop's answer: the stable code, and CMB's own code when it gave one. */
function statusOf(error: EcnyError): number {
  if (error.code === 'invalid_request') return 400
  if (error.code === 'not_found') return 404
  if (['invalid_state', 'refund_exceeds_paid', 'duplicate_merchant_order_no'].includes(error.code)) return 409
  if (error.code === 'result_unknown') return 202
  return 502
}

/**
 * A shop on plain `node:http` that takes e-CNY through CMB 聚合收单 with `@ecny/sdk-merchant` and
 * `cmb({...})`:
 *
 * - `POST /api/orders` `{ amount, description? }`: a QR order (`ecny/unifiedOrder`), answered with
 *   `{ merchantOrderNo, amount, qrPayload, expiresAt, status: 'pending' }`.
 * - `POST /cmb/notify`: CMB's form notification, verified with CMB's key before anything in it is
 *   used, applied once (the replay store drops CMB's repeats) and answered with the **signed**
 *   SUCCESS ack; anything that does not verify gets 400 and changes nothing.
 * - `POST /api/orders/:merchantOrderNo/refunds` `{ amount }`: a refund (`refund`).
 * - `GET /api/orders/:merchantOrderNo`: the shop's record and CMB's (`orderquery`); a final state CMB
 *   reports is applied to the books (delivery of notifications is not guaranteed: query).
 *
 * @example
 * const shop = await startCmbShop({ operator: cmb({ ...credentials, environment: 'test' }), port: 4343 })
 */
export async function startCmbShop(options: CmbShopOptions): Promise<CmbShop> {
  const log = options.log === false ? () => {} : (options.log ?? ((line: string) => console.log(line)))
  const { operator } = options
  const merchant = createMerchantClient({
    operator,
    notifications: { replayStore: options.replayStore ?? createMemoryReplayStore() },
  })
  const orders = createShopBook()
  const deliveries: CmbShop['deliveries'] = []
  let notifyUrl = options.notifyUrl ?? ''

  async function createQrOrder(req: IncomingMessage, res: ServerResponse) {
    const body = await readJson(req)
    const amount = amountOf(body)
    const description =
      typeof body.description === 'string' && body.description ? body.description.slice(0, 40) : 'Demo order'
    // Your own number: CMB addresses the order by it (at most 32 characters).
    const merchantOrderNo = `SHOP${Date.now()}${randomUUID().slice(0, 6)}`.toUpperCase()
    const order = await merchant.orders.create({
      mode: 'qr',
      merchantOrderNo,
      amount,
      description,
      notifyUrl,
    })
    orders.add({ merchantOrderNo, amount: order.amount, description })
    log(`order: ${merchantOrderNo} for ${amount} fen, waiting for payment`)
    sendJson(res, 201, {
      merchantOrderNo,
      amount: order.amount,
      qrPayload: order.qrPayload,
      expiresAt: order.expiresAt,
      status: 'pending',
    })
  }

  async function refund(req: IncomingMessage, res: ServerResponse, merchantOrderNo: string) {
    const record = orders.get(merchantOrderNo)
    if (!record) throw new HttpError(404, 'no such order')
    const amount = amountOf(await readJson(req))
    const merchantRefundNo = `${merchantOrderNo}R${record.refunds.length + 1}`
    orders.recordRefund(merchantOrderNo, { merchantRefundNo, amount, status: 'pending' })
    // Under CMB the order's id is the merchant order number; the SDK reads the order first (CMB
    // wants the order's amount with every refund).
    const made = await merchant.refunds.create({ orderId: merchantOrderNo, merchantRefundNo, amount })
    const status = made.status === 'succeeded' || made.status === 'failed' ? made.status : 'pending'
    orders.recordRefund(merchantOrderNo, { merchantRefundNo, amount, status })
    log(`refund: ${merchantRefundNo} ${amount} fen → ${made.status}`)
    sendJson(res, 201, { merchantRefundNo, amount: made.amount, status: made.status })
  }

  async function query(res: ServerResponse, merchantOrderNo: string) {
    const record = orders.get(merchantOrderNo)
    if (!record) throw new HttpError(404, 'no such order')
    const order = await merchant.orders.getByMerchantOrderNo({ merchantOrderNo })
    if (orders.applyOrderState(merchantOrderNo, order.status))
      log(`query: ${merchantOrderNo} is ${order.status} at CMB, books updated`)
    sendJson(res, 200, {
      merchantOrderNo,
      shop: record,
      gateway: {
        status: order.status,
        amount: order.amount,
        refundedAmount: order.refundedAmount,
        paidAt: order.paidAt,
      },
    })
  }

  // CMB's notifications, through the SDK's node:http handler with the client's operator: it reads
  // the raw form, verifies it with CMB's key before anything in it is used (400 otherwise), claims
  // the event id in the replay store, runs `handle`, commits the id once `handle` returned, and
  // answers with CMB's **signed** SUCCESS ack (an unsigned one makes CMB send again). A repeat of a
  // handled event is acknowledged without running `handle`; if `handle` throws, the id is released
  // and the answer is 500, so CMB's next attempt applies it.
  const receiveNotification = merchant.notifications.nodeHandler({
    handle: (event) => {
      const applied = orders.apply(event)
      deliveries.push({ eventId: event.id, type: event.type, applied })
      log(`notification: ${event.type} ${event.id} ${applied ? 'applied' : 'already known'}`)
    },
    onAnswer: (answer) => {
      if (answer.outcome === 'duplicate' && answer.event) {
        deliveries.push({ eventId: answer.event.id, type: answer.event.type, applied: false })
        log(`notification: repeat of ${answer.event.id}, acknowledged`)
      } else if (answer.outcome !== 'handled') {
        const reason = answer.error instanceof EcnyError ? answer.error.code : String(answer.error)
        log(`notification: ${answer.outcome}, answered ${answer.status} (${reason})`)
      }
    },
  })

  async function route(req: IncomingMessage, res: ServerResponse) {
    const { pathname } = new URL(req.url ?? '/', 'http://shop.invalid')
    const orderPath = /^\/api\/orders\/([A-Za-z0-9_-]{1,32})(\/refunds)?$/.exec(pathname)
    if (req.method === 'POST' && pathname === '/api/orders') return createQrOrder(req, res)
    if (req.method === 'POST' && pathname === '/cmb/notify') return void (await receiveNotification(req, res))
    if (req.method === 'POST' && orderPath?.[2]) return refund(req, res, orderPath[1]!)
    if (req.method === 'GET' && orderPath && !orderPath[2]) return query(res, orderPath[1]!)
    throw new HttpError(404, 'not found')
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.end()
      if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message })
      if (error instanceof EcnyError) {
        log(`error: ${error.code} ${error.message}`)
        return sendJson(res, statusOf(error), {
          error: error.code,
          message: error.shortMessage,
          ...(error.details.operatorCode !== undefined && { operatorCode: error.details.operatorCode }),
        })
      }
      log(`error: ${String(error)}`)
      sendJson(res, 500, { error: 'internal error' })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`
  notifyUrl ||= `${url}/cmb/notify`
  return {
    url,
    notifyUrl,
    orders,
    deliveries,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
