/**
 * Order, QR and refund routes.
 *
 * POST /v1/orders                 {merchantId?, merchantOrderNo, amount, description (≤ 40, no / = &),
 *                                 mode: qr|payment_code|sub_wallet|app, paymentCode?, subWalletId?,
 *                                 expiresInSeconds? (default 900), sceneId?, terminalId?, notifyUrl?} → Order.
 *                                 merchantId may be left out when the app acts for exactly one merchant.
 *                                 qr/app orders wait to be paid (qrPayload; app orders are
 *                                 sealed by the merchant's server, see appPay/routes.ts); payment_code and
 *                                 sub_wallet orders are charged at once → succeeded, or failed with
 *                                 failureCode. Same merchantOrderNo + same details → the existing order;
 *                                 different details → 409 duplicate_merchant_order_no.
 * GET  /v1/orders/{id}            → Order (token: that order)
 * GET  /v1/orders                 ?merchantOrderNo=…[&merchantId=…] → Order (404 when none)
 * POST /v1/orders/{id}/close      unpaid only → Order (closed)
 * POST /v1/orders/{id}/cancel     paid, no refunds → Order (canceled, money back)
 * POST /v1/qr/resolve             {payload} → QrResolution (token: that order, or any wallet token)
 * POST /v1/orders/{id}/pay        {walletId} → Order (token: that order, or the paying wallet's token).
 *                                 Caps or funds refused → the error; the order stays created.
 * POST /v1/orders/{id}/refunds    {merchantRefundNo, amount, reason?} → Refund (extra field failureCode)
 * GET  /v1/orders/{id}/refunds    → {data: Refund[], nextCursor: null}
 * GET  /v1/refunds/{id}           → Refund
 *
 * Orders carry an extra field `subWalletId` (null unless paid by a sub-wallet); `benefit` is null
 * until campaigns apply benefits to orders.
 */
import { type Order, operations } from '@ecny/protocol'
import { assertMerchantAccess, field, merchantFor } from '../http/callerAccess.js'
import type { RouteDefinition, RouteInput } from '../http/routeDefinition.js'
import { RailsError } from '../support/railsError.js'
import { checkContract, fileContract, settleDueContracts, withContract } from './contractOrders.js'
import { qrPayloadOrderId } from './qrPayloadOrderId.js'

const orderScoped = (scope: { type: string; id: string }, input: RouteInput) =>
  scope.type === 'order' && scope.id === input.params.id

/** An order token reads its order; a wallet token reads the orders that wallet paid. */
const orderReadable = (scope: { type: string; id: string }, input: RouteInput) => {
  if (orderScoped(scope, input)) return true
  if (scope.type !== 'wallet') return false
  try {
    return input.engine.getOrder(input.params.id!).payerWalletId === scope.id
  } catch {
    return false
  }
}

/** Whether the merchant already has an order under this number (before a create). */
function orderExists(engine: RouteInput['engine'], merchantId: unknown, merchantOrderNo: unknown): boolean {
  if (typeof merchantId !== 'string' || typeof merchantOrderNo !== 'string') return false
  try {
    engine.findOrderByMerchantOrderNo(merchantId, merchantOrderNo)
    return true
  } catch {
    return false
  }
}

/** The order, after checking the calling app may act for its merchant. */
function accessibleOrder(input: RouteInput) {
  const found = input.engine.getOrder(input.params.id!)
  assertMerchantAccess(input.caller, found.merchantId)
  return found
}

export const orderRoutes: RouteDefinition[] = [
  {
    ...operations.createOrder,
    handle: ({ engine, body, caller, now }) => {
      const merchantId = merchantFor(caller, field(body, 'merchantId') as string | undefined)
      if (typeof merchantId === 'string') assertMerchantAccess(caller, merchantId)
      const contract = checkContract(body)
      const existed = orderExists(engine, merchantId, field(body, 'merchantOrderNo'))
      const { contract: _contract, ...order } = body as Record<string, unknown>
      const made = engine.createOrder({ ...order, merchantId } as never) as Order
      fileContract(engine, made, contract, existed)
      settleDueContracts(engine, now)
      return withContract(engine, made)
    },
  },
  {
    ...operations.getOrder,
    tokenAccess: orderReadable,
    handle: (input) => {
      settleDueContracts(input.engine, input.now)
      const order =
        input.caller.kind === 'token' ? input.engine.getOrder(input.params.id!) : accessibleOrder(input)
      return withContract(input.engine, order as Order)
    },
  },
  {
    ...operations.findOrder,
    handle: ({ engine, query, caller, now }) => {
      const merchantOrderNo = query.get('merchantOrderNo')
      const merchantId = merchantFor(caller, query.get('merchantId'))
      if (!merchantOrderNo || !merchantId) {
        throw new RailsError(
          'invalid_request',
          'Invalid request: merchantOrderNo (and merchantId, unless the app acts for one merchant) are required query parameters.',
          { issues: [{ path: merchantOrderNo ? 'merchantId' : 'merchantOrderNo', message: 'required' }] },
        )
      }
      assertMerchantAccess(caller, merchantId)
      settleDueContracts(engine, now)
      return withContract(engine, engine.findOrderByMerchantOrderNo(merchantId, merchantOrderNo) as Order)
    },
  },
  {
    ...operations.closeOrder,
    handle: (input) => {
      accessibleOrder(input)
      return input.engine.closeOrder(input.params.id!)
    },
  },
  {
    ...operations.cancelOrder,
    handle: (input) => {
      accessibleOrder(input)
      return input.engine.cancelOrder(input.params.id!)
    },
  },
  {
    ...operations.resolveQr,
    tokenAccess: (scope, { body }) => {
      if (scope.type === 'wallet') return true
      // An order token resolves only its own order's code, read as the engine reads it.
      const payload = field(body, 'payload')
      return scope.type === 'order' && typeof payload === 'string' && qrPayloadOrderId(payload) === scope.id
    },
    handle: ({ engine, body }) => {
      const payload = field(body, 'payload')
      if (typeof payload !== 'string' || payload.length === 0) {
        throw new RailsError('invalid_request', 'Invalid request: payload: required, the scanned QR text.', {
          issues: [{ path: 'payload', message: 'required' }],
        })
      }
      return engine.resolveQr(payload)
    },
  },
  {
    ...operations.payOrder,
    // Only the holder pays: a token for the paying wallet. An order token (the merchant's checkout
    // page) may follow the order but never charge a wallet, whatever walletId it names.
    tokenAccess: (scope, input) => scope.type === 'wallet' && scope.id === field(input.body, 'walletId'),
    handle: ({ engine, params, body }) => engine.payOrder(params.id!, body as never),
  },
  {
    ...operations.createRefund,
    handle: (input) => {
      accessibleOrder(input)
      return input.engine.createRefund(input.params.id!, input.body as never)
    },
  },
  {
    ...operations.listRefunds,
    handle: (input) => {
      accessibleOrder(input)
      return input.engine.listRefunds(input.params.id!)
    },
  },
  {
    ...operations.getRefund,
    handle: (input) => {
      const found = input.engine.getRefund(input.params.id!)
      assertMerchantAccess(input.caller, input.engine.getOrder(found.orderId).merchantId)
      return found
    },
  },
]
