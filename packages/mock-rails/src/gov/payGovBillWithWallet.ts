import { payGovBillWithWalletRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import { parseParams } from '../support/parseParams.js'
import { nextOrderNo } from './createGovBillCodeQr.js'
import { govBillByCode, payableAmount } from './govBillLookups.js'
import { govBillToWire } from './govBillWire.js'
import type { GovContext } from './govContext.js'
import { govEBillOf } from './govEBill.js'
import { recordGovPayment } from './recordGovPayment.js'
import { closeOpenQrOrders } from './settleGovBill.js'

/**
 * `POST /v1/gov/payment-bills/pay`: the payer's wallet pays the bill found by 缴款码 and agency code
 * — what is due today, or a part where the bill allows — as an ordinary order charged at once. Open
 * QR orders of the bill are closed first, so it cannot be paid twice. Answers the bill as the payer
 * sees it and the (unsigned) e-bill of this payment; the route signs it.
 */
export function payGovBillWithWallet(gc: GovContext, input: z.input<typeof payGovBillWithWalletRequest>) {
  const params = parseParams(payGovBillWithWalletRequest, input)
  const record = govBillByCode(gc, params.paymentCode, params.agencyCode)
  const amount = payableAmount(gc, record, params.amount)
  closeOpenQrOrders(gc, record)
  const created = gc.engine.createOrder({
    merchantId: record.merchantId,
    merchantOrderNo: nextOrderNo(gc, record),
    amount,
    description: `${record.agencyName} ${record.billType}`.replace(/[/=&]/g, ' ').slice(0, 40),
    mode: 'qr',
    sceneId: record.sceneId,
  })
  let order: ReturnType<typeof gc.engine.payOrder>
  try {
    order = gc.engine.payOrder(created.id, { walletId: params.walletId })
  } catch (refusal) {
    // Caps or funds: nothing was charged; the order is closed so the bill has none open.
    gc.engine.closeOrder(created.id)
    throw refusal
  }
  const payment = recordGovPayment(gc, record, {
    orderId: order.id,
    walletId: params.walletId,
    amount: order.amount,
    paidAt: Date.parse(order.paidAt!),
  })
  return {
    bill: govBillToWire(gc, record, 'payer'),
    orderId: order.id,
    ebill: govEBillOf(gc, record, payment),
  }
}
