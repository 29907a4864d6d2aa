import { InvalidRequestError } from '@ecny/sdk-core'
import type { CmbConfig } from './cmbConfig.js'
import {
  type CmbEndpoint,
  type CmbSupportedOperation,
  cmbEndpoints,
  cmbSupportedOperations,
} from './cmbEndpoints.js'
import { formatCmbTime } from './cmbTime.js'
import { contractRequestOf } from './contractPayment.js'
import type { MatchedOperation, ReferenceCall } from './matchOperation.js'
import { unsupportedByOperator } from './unsupported.js'

/** What one reference call becomes at CMB, before the envelope: endpoint, biz fields, fields to encrypt. */
export type CmbCall = {
  operation: CmbSupportedOperation
  endpoint: CmbEndpoint
  biz: Record<string, unknown>
  /** biz fields CMB wants SM4-encrypted (terminal info), as plain text. */
  sensitive: Record<string, string>
}

/** CMB's terminal number (`termId`, `device_id`): at most 8 characters (§2.7.1, §4.8). */
export const maxTermIdLength = 8
const defaultPayValidSeconds = 900

/** §4.17 `transactionType` for an app order, by how it wakes the wallet app. */
export const appTransactionTypes = { app: 'TT03', h5: 'TT04', mini_program: 'TT13' } as const

function invalid(message: string, hint: string): InvalidRequestError {
  return new InvalidRequestError('invalid_request', message, { hint: `${hint} Nothing was sent to CMB.` })
}

type OrderBody = {
  merchantOrderNo: string
  amount: number
  description: string
  mode: string
  paymentCode?: string
  subWalletId?: string
  expiresInSeconds?: number
  terminalId?: string
  notifyUrl?: string
  contract?: unknown
}

function createOrderCall(config: CmbConfig, body: OrderBody, now: number): Omit<CmbCall, 'operation'> {
  const common = {
    merId: config.merId,
    orderId: body.merchantOrderNo,
    ...(config.userId !== undefined && { userId: config.userId }),
    txnAmt: String(body.amount),
    currencyCode: '156',
    body: body.description,
    ...((body.notifyUrl ?? config.notifyUrl) !== undefined && {
      notifyUrl: body.notifyUrl ?? config.notifyUrl,
    }),
  }
  const validSeconds = body.expiresInSeconds ?? defaultPayValidSeconds
  const orderTimeExpire = formatCmbTime(now + validSeconds * 1000, 'iso')
  if (body.mode === 'payment_code') {
    const termId = body.terminalId
    if (termId === undefined || termId.length > maxTermIdLength)
      throw invalid(
        `CMB needs terminalId of at most ${maxTermIdLength} characters for a customer-code payment${termId ? ` (got ${termId.length})` : ''}.`,
        'Pass the terminal number CMB assigned to this device (termId).',
      )
    return {
      endpoint: cmbEndpoints.pay,
      biz: {
        ...common,
        authCode: body.paymentCode,
        termId,
        ecnyPayment: {
          transactionType: 'TT01',
          terminalNo: termId,
          goodsName: body.description,
          orderTimeExpire,
        },
      },
      sensitive: { terminalInfo: JSON.stringify({ device_type: '11', device_id: termId }) },
    }
  }
  if (body.mode === 'sub_wallet') {
    return {
      endpoint: cmbEndpoints.subWalletPay,
      biz: { ...common, subWalletId: body.subWalletId, orderTimeExpire },
      sensitive: {},
    }
  }
  if (body.mode !== 'qr' && body.mode !== 'app')
    throw unsupportedByOperator('cmb', `createOrder with mode ${body.mode}`)
  const qr = {
    ...common,
    payValidTime: String(validSeconds),
    // An app order is the same unifiedOrder, answering the wallet app's context instead of a code (§4.17).
    transactionType: body.mode === 'app' ? appTransactionTypes[config.appLaunch ?? 'app'] : 'TT01',
    goodsName: body.description,
    terminalNo: body.terminalId ?? config.merId,
    orderTimeExpire,
  }
  if (body.contract !== undefined && body.mode === 'app')
    throw invalid('A contract payment is a QR order (mode qr).', 'Create it with mode: qr.')
  if (body.contract !== undefined) {
    return {
      endpoint: cmbEndpoints.contractUnifiedOrder,
      biz: { ...qr, contractReq: contractRequestOf(body.contract, body) },
      sensitive: {},
    }
  }
  return { endpoint: cmbEndpoints.unifiedOrder, biz: qr, sensitive: {} }
}

/**
 * The CMB request for a reference-protocol call: which endpoint, which biz fields. Orders and refunds
 * are addressed by **your** numbers at CMB, so under this dialect `order.id` is the merchant order
 * number and `refund.id` the merchant refund number. Throws `unsupported_by_operator` for an
 * operation CMB does not offer, `invalid_request` for input CMB would refuse (e.g. `termId` > 8).
 *
 * @example
 * cmbCallFor(config, { name: 'closeOrder', params: { id: 'A-1' } }, call, Date.now()).endpoint // 'close'
 */
export function cmbCallFor(
  config: CmbConfig,
  matched: MatchedOperation,
  call: ReferenceCall,
  now: number,
): CmbCall {
  const operation = matched.name as CmbSupportedOperation
  if (!cmbSupportedOperations.includes(operation)) throw unsupportedByOperator('cmb', matched.name)
  const who = { merId: config.merId, ...(config.userId !== undefined && { userId: config.userId }) }
  const body = (call.body ?? {}) as Record<string, unknown>
  const id = matched.params.id ?? ''
  const plain = (endpoint: CmbEndpoint, biz: Record<string, unknown>): CmbCall => ({
    operation,
    endpoint,
    biz: { ...who, ...biz },
    sensitive: {},
  })
  switch (operation) {
    case 'createOrder':
      return { operation, ...createOrderCall(config, body as OrderBody, now) }
    case 'getOrder':
      return plain(cmbEndpoints.orderQuery, { orderId: id })
    case 'findOrder':
      return plain(cmbEndpoints.orderQuery, { orderId: String(call.query?.merchantOrderNo ?? '') })
    case 'closeOrder':
      return plain(cmbEndpoints.close, { origOrderId: id })
    case 'cancelOrder':
      return plain(cmbEndpoints.cancel, { origOrderId: id })
    case 'createRefund':
      if (typeof body.orderAmount !== 'number')
        throw invalid(
          'CMB needs the original order amount (txnAmt) with a refund.',
          'Pass orderAmount (integer fen) in the refund body; createMerchantClient with cmb() adds it by reading the order.',
        )
      return plain(cmbEndpoints.refund, {
        orderId: body.merchantRefundNo,
        origOrderId: id,
        txnAmt: String(body.orderAmount),
        refundAmt: String(body.amount),
        ...(typeof body.reason === 'string' && { refundReason: body.reason }),
        ...(config.notifyUrl !== undefined && { notifyUrl: config.notifyUrl }),
      })
    case 'getRefund':
      return plain(cmbEndpoints.refundQuery, { orderId: id })
    case 'getStatement':
      return plain(cmbEndpoints.statementUrl, { billDate: (matched.params.date ?? '').replaceAll('-', '') })
  }
}
