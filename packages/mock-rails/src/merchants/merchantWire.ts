/** Protocol shapes of the merchant domain's records (times ISO 8601, Asia/Shanghai). */
import type { Engine } from '../engine/createEngine.js'
import { formatTimestamp, shanghaiDate } from '../support/shanghaiTime.js'
import type { BillRecord, QrCodeRecord, SceneRecord, TerminalRecord } from './merchantState.js'

export const sceneToWire = (record: SceneRecord) => ({
  id: record.id,
  merchantId: record.merchantId,
  kind: record.kind,
  name: record.name,
  areaCode: record.areaCode,
  settings: record.settings,
  createdAt: formatTimestamp(record.createdAt),
})

export const terminalToWire = (record: TerminalRecord) => ({
  ...record,
  createdAt: formatTimestamp(record.createdAt),
})

export const qrToWire = (record: QrCodeRecord) => ({
  id: record.id,
  sceneId: record.sceneId,
  kind: record.kind,
  payload: record.payload,
  amount: record.amount,
  orderId: record.orderId,
  createdAt: formatTimestamp(record.createdAt),
})

/** A bill with its status now: paid (with a receipt) by its paid order, else overdue or unpaid. */
export function billToWire(record: BillRecord, engine: Engine, now: number) {
  const orders = record.orderIds.map((id) => engine.getOrder(id))
  const paid = orders.find((order) => order.paidAt !== null && order.status !== 'canceled')
  const open = orders.find((order) => order.status === 'created')
  const current = paid ?? open ?? orders.at(-1)
  const overdue = shanghaiDate(now) > record.dueDate
  const status = record.canceled ? 'canceled' : paid ? 'paid' : overdue ? 'overdue' : 'unpaid'
  return {
    id: record.id,
    sceneId: record.sceneId,
    agency: record.agency,
    billNo: record.billNo,
    billType: record.billType,
    payerName: record.payerName,
    amount: record.amount,
    dueDate: record.dueDate,
    status,
    orderId: current?.id ?? null,
    qrPayload: open?.qrPayload ?? null,
    receipt: paid
      ? {
          receiptNo: `RCPT-${record.id.slice(5).toUpperCase()}-${paid.id.slice(4).toUpperCase()}`,
          paidAt: paid.paidAt!,
          amount: paid.paidAmount,
          payerWalletId: paid.payerWalletId!,
        }
      : null,
    createdAt: formatTimestamp(record.createdAt),
  }
}
