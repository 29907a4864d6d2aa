import { describe, expect, it } from 'vitest'
import { formatMerchantRecordsCsv } from './formatCsv.js'
import { parseMerchantRecordsCsv } from './parseMerchantRecordsCsv.js'
import { collect, orderRecord, refundRecord } from './testRows.js'

const parse = (text: string) => collect(parseMerchantRecordsCsv([text], { name: 'records.csv' }))

describe('parseMerchantRecordsCsv', () => {
  it('needs only merchantOrderNo, amount and status; recordType defaults to order', async () => {
    expect(
      await parse('status,amount,merchantOrderNo,note\nsucceeded,1000,M-1,hi\npending,5,M-2,\n'),
    ).toEqual([
      orderRecord('M-1', { line: 2 }),
      orderRecord('M-2', { amount: 5, status: 'pending', line: 3 }),
    ])
  })

  it('reads refunds and stored gateway order ids', async () => {
    const [refund, order] = await parse(
      'recordType,merchantOrderNo,orderId,amount,status\nrefund,R-1,ord_1,300,failed\n,M-1,,1000,unknown\n',
    )
    expect(refund).toEqual(refundRecord('R-1', { orderId: 'ord_1', status: 'failed', line: 2 }))
    expect(order).toEqual(orderRecord('M-1', { status: 'unknown', line: 3 }))
  })

  it('round-trips what formatMerchantRecordsCsv writes', async () => {
    const records = [orderRecord('M,1', { orderId: 'ord_1' }), refundRecord('R"2', { status: 'unknown' })]
    const text = (await collect(formatMerchantRecordsCsv(records))).join('')
    expect((await parse(text)).map(({ line, ...rest }) => rest)).toEqual(records)
  })

  it('names file, line and column of bad input', async () => {
    await expect(parse('merchantOrderNo,amount,status\nM-1,10.00,succeeded\n')).rejects.toThrow(
      'records.csv line 2, column 2 (amount): expected integer fen (no decimal point), got "10.00"',
    )
    await expect(parse('merchantOrderNo,amount,status\nM-1,10,paid\n')).rejects.toThrow(
      'records.csv line 2, column 3 (status): expected succeeded, failed, unknown or pending, got "paid"',
    )
    await expect(parse('recordType,merchantOrderNo,amount,status\nrefnd,M-1,10,paid\n')).rejects.toThrow(
      'status',
    )
    await expect(parse('recordType,merchantOrderNo,amount,status\nrefnd,M-1,10,failed\n')).rejects.toThrow(
      'column 1 (recordType): expected order or refund, got "refnd"',
    )
    await expect(parse('merchantOrderNo,amount\n')).rejects.toThrow(
      'records.csv line 1: missing column status',
    )
    await expect(parse('merchantOrderNo,amount,status,amount\n')).rejects.toThrow(
      'column amount appears twice',
    )
  })
})
