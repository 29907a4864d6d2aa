import { maxTermIdLength, parseBizContent, sm2Decrypt, sm4DecryptCbc, yuanToFen } from '@ecny/operator-cmb'
import type { Order, Refund } from '@ecny/protocol'
import type { Rails } from '../createRails.js'
import { RailsError } from '../support/railsError.js'
import { CmbRefusal } from './cmbAnswer.js'
import { cmbAppTransactionTypes, sealCmbAppContext } from './cmbAppContext.js'
import { type CmbDoorState, type CmbOrderRecord, cmbKey } from './cmbDoorState.js'
import type { CmbGatewayKeys } from './cmbGatewayKeys.js'
import type { CmbMerchant } from './cmbMerchants.js'
import { cmbOrderBiz, cmbRefundBiz } from './cmbOrderBiz.js'

/** Door-wide switches the tests and the sandbox set: CMB behaviours the engine does not have. */
export type CmbDoorSettings = {
  /** Refuse refunds as not funded by same-day incoming (CMB `MCH_FORWARD_AMOUNT_LESS` / `MCH_EXSRFN_AMOUNT_LESS`). */
  refundFunding?: 'MCH_FORWARD_AMOUNT_LESS' | 'MCH_EXSRFN_AMOUNT_LESS' | undefined
}

export type CmbEndpointContext = {
  rails: Rails
  state: CmbDoorState
  keys: CmbGatewayKeys
  settings: CmbDoorSettings
}

type Biz = Record<string, unknown>
const str = (value: unknown) => (typeof value === 'string' ? value : undefined)
const required = (biz: Biz, name: string): string => {
  const value = str(biz[name])
  if (!value) throw new CmbRefusal('PARAM_ERROR', `${name} is required.`)
  return value
}
const fen = (biz: Biz, name: string): number => {
  const text = required(biz, name)
  if (!/^[1-9]\d{0,11}$/.test(text))
    throw new CmbRefusal('PARAM_ERROR', `${name} must be a positive integer of fen.`)
  return Number(text)
}

/** Terminal info (§2.7.1): SM4 under the request's key, which is SM2-wrapped to the gateway key. */
function terminalInfoOf(
  biz: Biz,
  encryptKey: string | undefined,
  keys: CmbGatewayKeys,
): Record<string, unknown> {
  const cipher = str(biz.terminalInfo)
  if (!cipher || !encryptKey)
    throw new CmbRefusal(
      'PARAM_ERROR',
      'terminalInfo and encryptKey are required (SM4-encrypted since v3.2.1).',
    )
  try {
    return parseBizContent(sm4DecryptCbc(cipher, sm2Decrypt(encryptKey, keys.privateKey)))
  } catch {
    throw new CmbRefusal('PARAM_ERROR', 'terminalInfo does not decrypt with encryptKey.')
  }
}

function checkContract(contract: unknown, amount: number): Record<string, unknown> {
  if (contract === null || typeof contract !== 'object')
    throw new CmbRefusal('PARAM_ERROR', 'contractReq is required.')
  const c = contract as Biz
  const list = Array.isArray(c.benefitList) ? (c.benefitList as Biz[]) : []
  const hundredths = list.map((b) => Math.round(Number(b.percent) * 100))
  if (list.length === 0 || hundredths.some((h) => !(h > 0)) || hundredths.reduce((a, b) => a + b, 0) !== 100)
    throw new CmbRefusal('PARAM_ERROR', 'benefitList percents must add up to 1.')
  if (!['day', 'hour', 'minute'].includes(String(c.timeUnit)) || !Number.isInteger(c.delayTime))
    throw new CmbRefusal('PARAM_ERROR', 'delayTime and timeUnit (day, hour, minute) are required.')
  if (yuanToFen(c.goodsOrderAmounts) !== amount)
    throw new CmbRefusal('PARAM_ERROR', 'goodsOrderAmounts must equal txnAmt.')
  return c
}

function createOrder(
  ctx: CmbEndpointContext,
  merchant: CmbMerchant,
  endpoint: string,
  biz: Biz,
  encryptKey?: string,
) {
  const orderId = required(biz, 'orderId')
  const amount = fen(biz, 'txnAmt')
  const description = str(biz.body) ?? str(biz.goodsName) ?? ''
  let mode: 'qr' | 'payment_code' | 'sub_wallet' | 'app' = 'qr'
  let extra: Record<string, unknown> = {}
  let contract: Record<string, unknown> | null = null
  if (endpoint === 'pay') {
    const termId = required(biz, 'termId')
    const info = terminalInfoOf(biz, encryptKey, ctx.keys)
    if (termId.length > maxTermIdLength || String(info.device_id ?? '').length > maxTermIdLength)
      throw new CmbRefusal('PARAM_ERROR', `termId must be at most ${maxTermIdLength} characters.`)
    mode = 'payment_code'
    extra = { paymentCode: required(biz, 'authCode'), terminalId: termId }
  } else if (endpoint === 'ecny/subwalletpay') {
    mode = 'sub_wallet'
    extra = { subWalletId: required(biz, 'subWalletId') }
  } else {
    const valid = Number(str(biz.payValidTime) ?? '900')
    extra = { expiresInSeconds: Number.isInteger(valid) && valid > 0 ? Math.min(valid, 7 * 86_400) : 900 }
    if (endpoint === 'ecny/contractUnifiedOrder') contract = checkContract(biz.contractReq, amount)
    mode = unifiedOrderMode(endpoint, biz)
    // Initiated again under its number (§2.3 item 6): the same app order, answered with a fresh context.
    if (mode === 'app') {
      const again = reinitiatedAppOrder(ctx, merchant, orderId, amount)
      if (again) return appOrderAnswer(ctx, again, merchant.merId)
    }
  }
  const order = ctx.rails.engine.createOrder({
    merchantId: merchant.merchantId,
    merchantOrderNo: orderId,
    amount,
    description,
    mode,
    ...extra,
  } as never) as Order
  const key = cmbKey(merchant.merId, orderId)
  const now = ctx.rails.clock.now()
  const record: CmbOrderRecord = ctx.state.orders.get(key) ?? {
    merId: merchant.merId,
    orderId,
    railsOrderId: order.id,
    endpoint,
    notifyUrl: str(biz.notifyUrl) ?? null,
    contract: contract && {
      customId: contract.customId,
      contractId: `ctr_${order.id}`,
      goodsOrderId: contract.goodsOrderId,
      goodsInfos: contract.goodsInfos,
      contractAmounts: contract.goodsOrderAmounts,
      delayTime: contract.delayTime,
      timeUnit: contract.timeUnit,
      benefitList: contract.benefitList,
      startTime: new Date(now + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' '),
      executeTime: new Date(now + 8 * 3_600_000 + delayMs(contract))
        .toISOString()
        .slice(0, 19)
        .replace('T', ' '),
    },
    notified: null,
  }
  ctx.state.orders.set(key, record)
  if (mode === 'app') return appOrderAnswer(ctx, order, merchant.merId)
  const answer = cmbOrderBiz(order, record, merchant.merId)
  // A QR order CMB has just made carries no tradeState yet (its query says P until paid).
  if (order.status === 'created') delete answer.tradeState
  return answer
}

/** §4.17 `transactionType`: TT01 a QR code; TT03/TT04/TT13 an app, H5 or mini-program hand-off. */
function unifiedOrderMode(endpoint: string, biz: Biz): 'qr' | 'app' {
  const type = str(biz.transactionType) ?? 'TT01'
  if (type === 'TT01') return 'qr'
  if (endpoint === 'ecny/unifiedOrder' && (cmbAppTransactionTypes as readonly string[]).includes(type))
    return 'app'
  throw new CmbRefusal('PARAM_ERROR', `transactionType ${type} is not offered on ${endpoint}.`)
}

/**
 * An app order initiated again under the same number and amount: the order itself while unpaid;
 * refused once paid (ORDER_PAID) or closed (ORDER_CLOSED). `undefined` for a number not yet used, or
 * used by another kind of order (the engine then refuses it as a duplicate).
 */
function reinitiatedAppOrder(
  ctx: CmbEndpointContext,
  merchant: CmbMerchant,
  orderId: string,
  amount: number,
) {
  const record = ctx.state.orders.get(cmbKey(merchant.merId, orderId))
  if (!record) return undefined
  const order = ctx.rails.engine.getOrder(record.railsOrderId) as Order
  if (order.mode !== 'app' || order.amount !== amount) return undefined
  if (order.status === 'created') return order
  if (order.status === 'closed' && order.failureCode === 'order_expired')
    throw new CmbRefusal('ORDER_EXPIRED', `Order ${orderId} expired unpaid; use a new order number.`)
  if (order.status === 'closed')
    throw new CmbRefusal('ORDER_CLOSED', `Order ${orderId} is closed; use a new order number.`)
  throw new CmbRefusal('ORDER_PAID', `Order ${orderId} is ${order.status}; it cannot be paid again.`)
}

/** An app order's answer: the order fields, `invokeUrl` and the wallet app's `context` (§4.17.3). */
function appOrderAnswer(ctx: CmbEndpointContext, order: Order, merId: string): Biz {
  const answer = cmbOrderBiz(order, ctx.state.orders.get(cmbKey(merId, order.merchantOrderNo)), merId)
  delete answer.tradeState
  delete answer.qrCode
  return { ...answer, ...sealCmbAppContext(ctx.state, order, merId, String(answer.orderTimeExpire ?? '')) }
}

function delayMs(contract: Record<string, unknown>): number {
  const unit = { day: 86_400_000, hour: 3_600_000, minute: 60_000 }[String(contract.timeUnit)] ?? 0
  return Number(contract.delayTime) * unit
}

function orderOf(ctx: CmbEndpointContext, merchant: CmbMerchant, orderId: string): Order {
  try {
    return ctx.rails.engine.findOrderByMerchantOrderNo(merchant.merchantId, orderId) as Order
  } catch (error) {
    if (error instanceof RailsError && error.code === 'not_found')
      throw new CmbRefusal('ORDER_NOT_EXIST', `No order ${orderId}.`)
    throw error
  }
}

/**
 * The CMB endpoints over the rails engine: the same orders, refunds and ledger as the reference door,
 * with CMB's rules on top — reversal (`cancel`) only for customer-code (`pay`) orders and never after a
 * refund (主扫交易暂不支持撤销), a paid order cannot be closed, `termId` ≤ 8, SM4 terminal info,
 * refunds refused as unfunded when `settings.refundFunding` says so.
 */
export function handleCmbEndpoint(
  ctx: CmbEndpointContext,
  merchant: CmbMerchant,
  endpoint: string,
  biz: Biz,
  encryptKey: string | undefined,
): Biz {
  const records = ctx.state
  switch (endpoint) {
    case 'ecny/unifiedOrder':
    case 'ecny/contractUnifiedOrder':
    case 'ecny/subwalletpay':
    case 'pay':
      return createOrder(ctx, merchant, endpoint, biz, encryptKey)
    case 'orderquery': {
      const orderId = required(biz, 'orderId')
      return cmbOrderBiz(
        orderOf(ctx, merchant, orderId),
        records.orders.get(cmbKey(merchant.merId, orderId)),
        merchant.merId,
      )
    }
    case 'close': {
      const orderId = required(biz, 'origOrderId')
      const order = orderOf(ctx, merchant, orderId)
      if (order.status !== 'created' && order.status !== 'processing' && order.status !== 'closed')
        throw new CmbRefusal(
          'ORDER_PAID',
          `Order ${orderId} is ${order.status}; a paid order cannot be closed.`,
        )
      const closed = order.status === 'closed' ? order : (ctx.rails.engine.closeOrder(order.id) as Order)
      return {
        ...cmbOrderBiz(closed, records.orders.get(cmbKey(merchant.merId, orderId)), merchant.merId),
        origOrderId: orderId,
      }
    }
    case 'cancel': {
      const orderId = required(biz, 'origOrderId')
      const order = orderOf(ctx, merchant, orderId)
      if (order.mode !== 'payment_code')
        throw new CmbRefusal(
          'CANCEL_NOT_ALLOWED',
          '主扫交易暂不支持撤销: only customer-code (pay) orders can be reversed.',
        )
      if (order.refundedAmount > 0)
        throw new CmbRefusal('CANCEL_NOT_ALLOWED', `Order ${orderId} has refunds; it cannot be reversed.`)
      const canceled = order.status === 'canceled' ? order : (ctx.rails.engine.cancelOrder(order.id) as Order)
      return {
        ...cmbOrderBiz(canceled, records.orders.get(cmbKey(merchant.merId, orderId)), merchant.merId),
        origOrderId: orderId,
      }
    }
    case 'refund': {
      const refundNo = required(biz, 'orderId')
      const origOrderId = required(biz, 'origOrderId')
      const amount = fen(biz, 'refundAmt')
      const order = orderOf(ctx, merchant, origOrderId)
      if (fen(biz, 'txnAmt') !== order.amount)
        throw new CmbRefusal('PARAM_ERROR', `txnAmt must be the original order amount (${order.amount}).`)
      const key = cmbKey(merchant.merId, refundNo)
      if (ctx.settings.refundFunding && !records.refunds.has(key))
        throw new CmbRefusal(
          ctx.settings.refundFunding,
          '当日入账金额不足: not enough same-day incoming to fund this refund; retry later.',
        )
      const refund = ctx.rails.engine.createRefund(order.id, {
        merchantRefundNo: refundNo,
        amount,
        ...(str(biz.refundReason) && { reason: str(biz.refundReason) }),
      }) as Refund
      if (!records.refunds.has(key))
        records.refunds.set(key, {
          merId: merchant.merId,
          refundNo,
          railsRefundId: refund.id,
          origOrderId,
          notifyUrl:
            str(biz.notifyUrl) ?? records.orders.get(cmbKey(merchant.merId, origOrderId))?.notifyUrl ?? null,
          notified: null,
        })
      return cmbRefundBiz(refund, origOrderId, merchant.merId)
    }
    case 'refundquery': {
      const refundNo = required(biz, 'orderId')
      const record = records.refunds.get(cmbKey(merchant.merId, refundNo))
      if (!record) throw new CmbRefusal('REFUND_NOT_EXIST', `No refund ${refundNo}.`)
      return cmbRefundBiz(
        ctx.rails.engine.getRefund(record.railsRefundId) as Refund,
        record.origOrderId,
        merchant.merId,
      )
    }
    default:
      throw new CmbRefusal('PARAM_ERROR', `No endpoint ${endpoint}.`, 'protocol')
  }
}
