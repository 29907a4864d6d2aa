import { describe, expect, it } from 'vitest'
import { buildEntry, gatewayOutcome, groupCategory, pairCategory } from './classify.js'
import { orderRecord, orderRow, refundRecord, refundRow } from './testRows.js'

describe('gatewayOutcome', () => {
  it('groups gateway states', () => {
    expect(['succeeded', 'refunding', 'partially_refunded', 'refunded'].map(gatewayOutcome)).toEqual(
      Array(4).fill('succeeded'),
    )
    expect(['failed', 'closed', 'canceled'].map(gatewayOutcome)).toEqual(Array(3).fill('failed'))
    expect(['created', 'processing', 'unknown', 'frozen'].map(gatewayOutcome)).toEqual(
      Array(4).fill('pending'),
    )
  })
})

describe('pairCategory precedence', () => {
  const cases: [string, Parameters<typeof orderRow>[1], Parameters<typeof orderRecord>[1], string][] = [
    ['both succeeded, same amount', {}, {}, 'matched'],
    ['both failed', { status: 'closed' }, { status: 'failed' }, 'matched'],
    ['refunded order the merchant saw paid', { status: 'refunded' }, {}, 'matched'],
    [
      'gateway still processing beats everything',
      { status: 'processing', amount: 1 },
      { status: 'unknown' },
      'gateway_processing',
    ],
    [
      'merchant unknown, gateway final',
      { status: 'failed' },
      { status: 'unknown', amount: 5 },
      'merchant_unknown',
    ],
    ['merchant pending, gateway final', {}, { status: 'pending' }, 'merchant_unknown'],
    [
      'we succeeded, they failed (beats amount)',
      { status: 'canceled' },
      { amount: 1 },
      'merchant_succeeded_gateway_failed',
    ],
    ['we failed, they succeeded', {}, { status: 'failed' }, 'merchant_failed_gateway_succeeded'],
    ['amount differs', { amount: 1000 }, { amount: 999 }, 'amount_mismatch'],
    ['stored order id differs', {}, { orderId: 'ord_other' }, 'amount_mismatch'],
    ['stored order id agrees', {}, { orderId: 'ord_M-1' }, 'matched'],
  ]
  for (const [name, gateway, merchant, expected] of cases) {
    it(name, () =>
      expect(pairCategory(orderRow('M-1', gateway), orderRecord('M-1', merchant))).toBe(expected),
    )
  }
})

describe('groupCategory and buildEntry', () => {
  it('one side only, or more than one row on a side', () => {
    expect(groupCategory([orderRow('M')], [])).toBe('gateway_only')
    expect(groupCategory([], [orderRecord('M')])).toBe('merchant_only')
    expect(groupCategory([orderRow('M'), orderRow('M')], [orderRecord('M')])).toBe('duplicate')
    expect(groupCategory([], [orderRecord('M'), orderRecord('M')])).toBe('duplicate')
  })

  it('uses the gateway amount for pairs and lists differing fields', () => {
    const entry = buildEntry(
      [refundRow('R', { amount: 300 })],
      [refundRecord('R', { amount: 250, orderId: 'x' })],
    )
    expect(entry).toMatchObject({
      category: 'amount_mismatch',
      recordType: 'refund',
      merchantNo: 'R',
      amountFen: 300,
      differences: [
        { field: 'amount', statement: 300, merchant: 250 },
        { field: 'orderId', statement: 'ord_1', merchant: 'x' },
      ],
    })
  })

  it('sums the gateway rows of a duplicate, else the merchant rows', () => {
    expect(
      buildEntry([orderRow('M', { amount: 5 }), orderRow('M', { amount: 7 })], [orderRecord('M')]).amountFen,
    ).toBe(12)
    expect(buildEntry([], [orderRecord('M', { amount: 5 }), orderRecord('M', { amount: 7 })]).amountFen).toBe(
      12,
    )
    expect(buildEntry([], [orderRecord('M', { amount: 5 })]).amountFen).toBe(5)
  })
})
