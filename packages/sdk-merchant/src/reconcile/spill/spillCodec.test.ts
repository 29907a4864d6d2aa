import { describe, expect, it } from 'vitest'
import { reconcileKey } from '../keys.js'
import { orderRecord, orderRow, refundRecord, refundRow } from '../testRows.js'
import {
  decodeSpillLine,
  encodeMerchantRecord,
  encodeStatementRow,
  spillLineKey,
  spillPairCategory,
} from './spillCodec.js'

const awkward = 'a\tb\\c\nd\re\\N'

describe('spill codec', () => {
  it('round-trips rows, whatever their fields hold', () => {
    const rows = [
      orderRow(awkward, { id: awkward, status: awkward, occurredAt: awkward, line: 7 }),
      refundRow('R-1', { payerWalletId: null }),
      refundRow('R-2', { payerWalletId: '\\N' }),
    ]
    for (const row of rows) {
      const line = encodeStatementRow(row)
      expect(line).not.toMatch(/[\n\r]/)
      expect(decodeSpillLine(line)).toEqual(['S', row])
    }
    for (const record of [
      orderRecord(awkward, { orderId: awkward, line: 3 }),
      refundRecord('R', { status: 'pending' }),
    ]) {
      expect(decodeSpillLine(encodeMerchantRecord(record))).toEqual(['M', record])
    }
  })

  it('gives equal line keys exactly for equal reconcile keys', () => {
    const rows = [orderRow('A'), orderRow('A\tB'), refundRow('A'), orderRow('A\\tB')]
    const keys = rows.map((row) => spillLineKey(encodeStatementRow(row)))
    expect(new Set(keys).size).toBe(new Set(rows.map(reconcileKey)).size)
    expect(spillLineKey(encodeMerchantRecord(orderRecord('A\tB')))).toBe(keys[1])
  })

  it('classifies a pair of lines like the rows', () => {
    const split = (
      row: Parameters<typeof encodeStatementRow>[0],
      record: Parameters<typeof encodeMerchantRecord>[0],
    ) => spillPairCategory(encodeStatementRow(row).split('\t'), encodeMerchantRecord(record).split('\t'))
    expect(split(orderRow('M', { amount: 50 }), orderRecord('M', { amount: 50 }))).toEqual(['matched', 50])
    expect(split(orderRow('M'), orderRecord('M', { orderId: 'x' }))).toEqual(['amount_mismatch', 1000])
    expect(split(orderRow('M', { status: 'closed' }), orderRecord('M'))).toEqual([
      'merchant_succeeded_gateway_failed',
      1000,
    ])
  })
})
