import { createGovBillCodeQrRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import { parseParams } from '../support/parseParams.js'
import { govBillById, payableAmount } from './govBillLookups.js'
import { govBillToWire } from './govBillWire.js'
import type { GovContext } from './govContext.js'
import { secondsToMidnight } from './settleGovBill.js'

/** How long a bill's QR code can be paid unless the agency says otherwise. */
export const defaultGovQrSeconds = 900

/**
 * `POST /v1/gov/payment-bills/{id}/qr`: an ordinary `qr` order for what is due today (or a part),
 * open at most until midnight Asia/Shanghai, when the late fee may grow. The order already open for
 * the same amount is returned again; one for another amount is closed first.
 */
export function createGovBillCodeQr(
  gc: GovContext,
  billId: string,
  input: z.input<typeof createGovBillCodeQrRequest>,
) {
  const record = govBillById(gc, billId)
  const params = parseParams(createGovBillCodeQrRequest, input)
  const amount = payableAmount(gc, record, params.amount)
  const open = record.pendingOrderIds.map((id) => gc.engine.getOrder(id)).find((o) => o.status === 'created')
  if (open && open.amount === amount) return govBillToWire(gc, record, 'agency')
  if (open) gc.engine.closeOrder(open.id)
  const seconds = Math.min(params.expiresInSeconds ?? defaultGovQrSeconds, secondsToMidnight(gc.now()))
  const order = gc.engine.createOrder({
    merchantId: record.merchantId,
    merchantOrderNo: nextOrderNo(gc, record),
    amount,
    description: `${record.agencyName} ${record.billType}`.replace(/[/=&]/g, ' ').slice(0, 40),
    mode: 'qr',
    sceneId: record.sceneId,
    expiresInSeconds: seconds,
  })
  record.pendingOrderIds = [order.id]
  return govBillToWire(gc, record, 'agency')
}

/** `<缴款码>-<n>`: one merchant order number per attempt to pay the bill. */
export function nextOrderNo(gc: GovContext, record: { id: string; paymentCode: string }): string {
  const key = `gbillOrder:${record.id}`
  const n = (gc.ctx.state.counters[key] ?? 0) + 1
  gc.ctx.state.counters[key] = n
  return `${record.paymentCode}-${n}`
}
