import { govAgencyStatementQuery } from '@ecny/protocol'
import type * as z from 'zod/mini'
import { invalidField } from '../merchants/invalidField.js'
import { parseParams } from '../support/parseParams.js'
import { formatTimestamp, isCalendarDate, shanghaiDate } from '../support/shanghaiTime.js'
import type { GovContext } from './govContext.js'
import { settleGovBill } from './settleGovBill.js'

/**
 * `GET /v1/gov/statements?agencyCode&date`: one row per payment received that day (Asia/Shanghai) on
 * the caller's bills of that 执收单位编码, oldest first, with each row's e-bill number, and totals —
 * what the agency reconciles against the finance bureau's and the bank's records.
 */
export function govAgencyStatement(
  gc: GovContext,
  mayRead: (merchantId: string) => boolean,
  input: z.input<typeof govAgencyStatementQuery>,
) {
  const params = parseParams(govAgencyStatementQuery, input)
  if (!isCalendarDate(params.date)) throw invalidField('date', 'is not a real date')
  const rows: Array<{
    paidAtMs: number
    paidAt: string
    paymentCode: string
    billId: string
    billNo: string | null
    kind: string
    billType: string
    orderId: string
    ebillNumber: string
    principal: number
    lateFee: number
    amount: number
  }> = []
  for (const record of gc.gov.govPaymentBills.values()) {
    if (record.agencyCode !== params.agencyCode) continue
    if (!mayRead(record.merchantId)) continue
    settleGovBill(gc, record)
    for (const payment of record.payments) {
      if (shanghaiDate(payment.paidAt) !== params.date) continue
      rows.push({
        paidAtMs: payment.paidAt,
        paidAt: formatTimestamp(payment.paidAt),
        paymentCode: record.paymentCode,
        billId: record.id,
        billNo: record.billNo,
        kind: record.kind,
        billType: record.billType,
        orderId: payment.orderId,
        ebillNumber: payment.ebill.number,
        principal: payment.principal,
        lateFee: payment.lateFee,
        amount: payment.amount,
      })
    }
  }
  rows.sort((a, b) => a.paidAtMs - b.paidAtMs || a.ebillNumber.localeCompare(b.ebillNumber))
  const sum = (pick: (row: (typeof rows)[number]) => number) =>
    rows.reduce((total, row) => total + pick(row), 0)
  return {
    agencyCode: params.agencyCode,
    date: params.date,
    rows: rows.map(({ paidAtMs: _, ...row }) => row),
    totals: {
      count: rows.length,
      principal: sum((row) => row.principal),
      lateFee: sum((row) => row.lateFee),
      amount: sum((row) => row.amount),
    },
  }
}
