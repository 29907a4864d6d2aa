import { useMerchantRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import type { StatementRow } from '../src/index.js'

const h = useMerchantRails()

describe('statement download through msw', () => {
  it('streams, verifies and parses the day of the rails clock', async () => {
    const payer = h.fundedWallet(5_000)
    const order = await h.client.orders.create({
      mode: 'qr',
      merchantOrderNo: 'ST-1',
      amount: 420,
      description: 'Noodles',
    })
    h.rails.engine.payOrder(order.id, { walletId: payer })
    const date = new Date(h.rails.clock.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    const rows: StatementRow[] = []
    for await (const row of h.client.statements.download(date)) rows.push(row)
    expect(rows).toEqual([
      expect.objectContaining({
        recordType: 'order',
        merchantOrderNo: 'ST-1',
        status: 'succeeded',
        amount: 420,
        payerWalletId: payer,
        line: 2,
      }),
    ])
    const empty: StatementRow[] = []
    for await (const row of h.client.statements.download('2020-01-01')) empty.push(row)
    expect(empty).toEqual([])
  })
})

describe('statement download errors', () => {
  it('says where it cannot write, as an EcnyError', async () => {
    const rows = h.client.statements.download({
      date: '2020-01-01',
      saveTo: '/nonexistent-dir/statement.csv',
    })
    await expect(rows.next()).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/Cannot write/),
    })
  })
})
