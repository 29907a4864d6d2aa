import { payGovBillRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import type { MerchantContext } from '../merchants/merchantContext.js'
import { parseParams } from '../support/parseParams.js'
import { RailsError } from '../support/railsError.js'
import { billRecord, wireBill } from './billRecord.js'

/** `POST /v1/gov/bills/{id}/qr`: an open `qr` order for the bill (the one already open, if any). */
export function payGovBillByQr(
  mc: MerchantContext,
  billId: string,
  input: z.input<typeof payGovBillRequest>,
) {
  const record = billRecord(mc, billId)
  const params = parseParams(payGovBillRequest, input)
  const current = wireBill(mc, record)
  if (current.status === 'paid')
    throw new RailsError('invalid_state', `Bill ${record.billNo} is already paid.`, { billId })
  if (current.status === 'canceled')
    throw new RailsError('invalid_state', `Bill ${record.billNo} was canceled.`, { billId })
  if (current.qrPayload) return current
  const attempt = record.orderIds.length + 1
  const order = mc.engine.createOrder({
    merchantId: record.merchantId,
    merchantOrderNo: attempt === 1 ? record.billNo : `${record.billNo}-${attempt}`.slice(0, 64),
    amount: record.amount,
    description: `${record.billType} ${record.billNo}`.replace(/[/=&]/g, ' ').slice(0, 40),
    mode: 'qr',
    sceneId: record.sceneId,
    ...(params.expiresInSeconds !== undefined && { expiresInSeconds: params.expiresInSeconds }),
  })
  record.orderIds.push(order.id)
  return wireBill(mc, record)
}
