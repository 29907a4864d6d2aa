import { type ContractPayment, contractPayment, contractShareHundredths, type Order } from '@ecny/protocol'
import type { Engine } from '../engine/createEngine.js'
import { parseParamsAt } from '../support/parseParamsAt.js'
import { RailsError } from '../support/railsError.js'

/** A smart-contract payment the reference door took with an order (not saved in `--state` files). */
type ContractRecord = {
  merchantOrderNo: string
  contract: ContractPayment
  /** Canonical JSON of the contract, to tell a retry from a clash on the same merchant order number. */
  fingerprint: string
  settledAt: number | null
}

const unitMs: Record<ContractPayment['timeUnit'], number> = {
  day: 86_400_000,
  hour: 3_600_000,
  minute: 60_000,
}

/** One book of contracts per engine (so per rails), next to its orders. */
const books = new WeakMap<Engine, Map<string, ContractRecord>>()
const bookOf = (engine: Engine) => {
  const book = books.get(engine) ?? new Map<string, ContractRecord>()
  books.set(engine, book)
  return book
}

/**
 * Checks a create's `contract` (only `qr` orders take one) before the order is made: the protocol's
 * `contractPayment` schema, refused as `invalid_request` at `contract.…`.
 *
 * @example
 * const contract = checkContract(body) // undefined when the body has none
 */
export function checkContract(body: unknown): ContractPayment | undefined {
  const raw = (body as { contract?: unknown } | null)?.contract
  if (raw === undefined) return undefined
  if ((body as { mode?: unknown }).mode !== 'qr')
    throw new RailsError('invalid_request', 'Invalid request: contract: only qr orders take a contract.', {
      issues: [{ path: 'contract', message: 'only qr orders take a contract' }],
    })
  return parseParamsAt('contract', contractPayment, raw)
}

/**
 * Files `contract` with the order just made (or, `existed`, found again by its number): the same
 * contract is a retry, another one (or none against one) is `duplicate_merchant_order_no`.
 *
 * @example
 * fileContract(engine, order, checkContract(body), existedBefore)
 */
export function fileContract(
  engine: Engine,
  order: Order,
  contract: ContractPayment | undefined,
  existed: boolean,
): void {
  const book = bookOf(engine)
  const filed = book.get(order.id)
  const fingerprint = contract === undefined ? '' : JSON.stringify(contract)
  // An order made without a contract, asked for again with one.
  if (filed === undefined && existed && contract !== undefined) throw duplicate(order)
  if (filed !== undefined) {
    if (filed.fingerprint !== fingerprint) throw duplicate(order)
    return
  }
  if (contract !== undefined)
    book.set(order.id, { merchantOrderNo: order.merchantOrderNo, contract, fingerprint, settledAt: null })
}

function duplicate(order: Order): RailsError {
  return new RailsError(
    'duplicate_merchant_order_no',
    `Merchant order number ${order.merchantOrderNo} already belongs to order ${order.id} with a different contract. ` +
      'Use a new merchant order number for a new order, or query the existing one.',
    { merchantOrderNo: order.merchantOrderNo, orderId: order.id },
  )
}

/**
 * The order as the reference protocol answers it: with its `contract` (and when it clears,
 * `executeTime`, once paid; `settledAt` once the split was paid out), or as it is.
 *
 * @example
 * return withContract(engine, engine.getOrder(id))
 */
export function withContract(engine: Engine, order: Order): Order {
  const filed = bookOf(engine).get(order.id)
  if (!filed) return order
  const paidAt = order.paidAt ? Date.parse(order.paidAt) : null
  const executeAt =
    paidAt === null ? null : paidAt + filed.contract.delayTime * unitMs[filed.contract.timeUnit]
  return {
    ...order,
    contract: {
      ...filed.contract,
      executeTime: executeAt === null ? null : new Date(executeAt).toISOString(),
      settledAt: filed.settledAt === null ? null : new Date(filed.settledAt).toISOString(),
    },
  } as Order
}

/**
 * Delayed clearing: once `delayTime` `timeUnit`s have passed since a contract order was paid (rails
 * clock), what is left of it after refunds is paid out of the merchant's settlement wallet to the
 * `benefitList` wallets by their percents (the last share takes the rounding remainder). Each
 * contract settles once; runs before every order route answers.
 *
 * @example
 * settleDueContracts(input.engine, input.now)
 */
export function settleDueContracts(engine: Engine, now: number): void {
  for (const [orderId, filed] of bookOf(engine)) {
    if (filed.settledAt !== null) continue
    const order = engine.getOrder(orderId) as Order
    if (!order.paidAt || (order.status !== 'succeeded' && order.status !== 'partially_refunded')) continue
    const due = Date.parse(order.paidAt) + filed.contract.delayTime * unitMs[filed.contract.timeUnit]
    if (now < due) continue
    const from = (engine.getMerchant(order.merchantId) as { settlementWalletId: string }).settlementWalletId
    const total = order.amount - order.refundedAmount
    const shares = filed.contract.benefitList.map((b) => ({
      to: b.benefitWalletId,
      amount: Math.floor((total * contractShareHundredths(b.percent)) / 100),
    }))
    shares[shares.length - 1]!.amount += total - shares.reduce((sum, s) => sum + s.amount, 0)
    for (const share of shares) {
      if (share.amount > 0)
        engine.createTransfer({
          fromWalletId: from,
          toWalletId: share.to,
          amount: share.amount,
          memo: `contract ${filed.merchantOrderNo}`,
        })
    }
    filed.settledAt = now
  }
}
