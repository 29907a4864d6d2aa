import { useMerchantRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { maxTapBatchSize } from '../src/index.js'

const h = useMerchantRails()

describe('government bills end to end', () => {
  it('issues a bill, the payer pays it by QR, and the receipt appears', async () => {
    const scene = await h.client.onboarding.createScene({
      kind: 'government',
      name: '苏州税务',
      areaCode: '320500',
      agency: '苏州市税务局',
      billTypes: ['tax', 'fine'],
    })
    const bill = await h.client.gov.createBill({
      sceneId: scene.id,
      billNo: 'TAX-2025-0001',
      billType: 'tax',
      payerName: '李四',
      amount: 125_000,
      dueDate: '2099-03-31',
    })
    expect(bill).toMatchObject({ status: 'unpaid', agency: '苏州市税务局', amount: 125_000 })
    expect(
      await h.client.gov.createBill({
        sceneId: scene.id,
        billNo: 'TAX-2025-0001',
        billType: 'tax',
        payerName: '李四',
        amount: 125_000,
        dueDate: '2099-03-31',
      }),
    ).toMatchObject({ id: bill.id })
    await expect(h.client.gov.receipt({ billId: bill.id })).rejects.toMatchObject({ code: 'invalid_state' })

    const payable = await h.client.gov.payByQr({ billId: bill.id })
    expect(payable.qrPayload).toMatch(/^ecny:\/\/pay/)
    expect((await h.client.gov.payByQr({ billId: bill.id })).qrPayload).toBe(payable.qrPayload)
    const payer = h.rails.engine.openWallet({
      level: 'WL03',
      mobile: '13900001111',
      name: '李四',
      idNumber: '110105200002291235',
    }).id
    h.rails.engine.topUp(payer, { amount: 200_000, bankCard: '6222020000000007' })
    const { orderId } = h.rails.engine.resolveQr(payable.qrPayload)
    h.rails.engine.payOrder(orderId, { walletId: payer })

    const paid = await h.client.gov.getBill({ billId: bill.id })
    expect(paid.status).toBe('paid')
    const receipt = await h.client.gov.receipt({ billId: bill.id })
    expect(receipt).toMatchObject({
      billNo: 'TAX-2025-0001',
      amount: 125_000,
      payerWalletId: payer,
      agency: '苏州市税务局',
    })
    expect(receipt.receiptNo).toMatch(/^RCPT-/)
    await expect(h.client.gov.payByQr({ billId: bill.id })).rejects.toMatchObject({ code: 'invalid_state' })
  })

  it('validates bills locally and on the rails', async () => {
    await expect(
      h.client.gov.createBill({
        sceneId: 'scn_1',
        billNo: 'B 1',
        billType: 'tax',
        payerName: 'x',
        amount: 1,
        dueDate: '2025-02-30',
      }),
    ).rejects.toMatchObject({ code: 'invalid_request' })
    const retail = await h.client.onboarding.createScene({
      kind: 'retail',
      name: 'Shop',
      areaCode: '110105',
      store: { address: 'x' },
    })
    await expect(
      h.client.gov.createBill({
        sceneId: retail.id,
        billNo: 'B-1',
        billType: 'tax',
        payerName: 'x',
        amount: 1,
        dueDate: '2099-01-01',
      }),
    ).rejects.toMatchObject({
      code: 'invalid_request',
      details: { issues: [expect.objectContaining({ path: 'sceneId' })] },
    })
  })
})

describe('transit taps end to end', () => {
  const tap = (walletId: string, counter: number, amount = 300) => ({
    walletId,
    counter,
    amount,
    tappedAt: '2025-01-01T08:30:00+08:00',
    gateId: 'GATE0001',
  })

  it('debits offline taps later, once per wallet and counter, with a result per tap', async () => {
    const scene = await h.client.onboarding.createScene({
      kind: 'transit',
      name: '1号线',
      areaCode: '110105',
      lines: [{ id: 'L1', name: '1号线' }],
      stations: [{ id: 'S1', name: '天安门东', lineIds: ['L1'] }],
      gates: [{ id: 'GATE0001', stationId: 'S1' }],
      offlineTaps: { enabled: true, maxAmount: 1_000 },
    })
    const rich = h.fundedWallet(5_000)
    const poor = h.fundedWallet(100)
    const first = await h.client.transit.uploadTaps({
      sceneId: scene.id,
      taps: [tap(rich, 1), tap(rich, 2, 400), tap(rich, 1), tap(poor, 7), tap(rich, 3, 2_000)],
    })
    expect(first.results.map((r) => r.status)).toEqual([
      'debited',
      'debited',
      'duplicate',
      'failed',
      'failed',
    ])
    expect(first.results[3]).toMatchObject({ failureCode: 'insufficient_funds' })
    expect(first.results[4]).toMatchObject({ failureCode: 'limit_exceeded' })
    expect(first.totals).toEqual({ debited: 700, debitedCount: 2, duplicates: 1, failed: 2 })
    expect(h.balanceOf(rich)).toBe(4_300)
    expect(h.balanceOf(poor)).toBe(100)

    // Re-uploading after a crash charges nothing twice; batches are chunked.
    const again = await h.client.transit.uploadTaps({
      sceneId: scene.id,
      taps: [tap(rich, 1), tap(rich, 2), tap(rich, 4)],
      batchSize: 2,
    })
    expect(again.batches).toHaveLength(2)
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'debited'])
    expect(h.balanceOf(rich)).toBe(4_000)
  })

  it('validates taps before sending', async () => {
    const wallet = '0099000000000001'
    await expect(h.client.transit.uploadTaps({ sceneId: 'scn_1', taps: [] })).rejects.toMatchObject({
      code: 'invalid_request',
    })
    await expect(
      h.client.transit.uploadTaps({ sceneId: 'scn_1', taps: [{ ...tap(wallet, 1), amount: 50_001 }] }),
    ).rejects.toMatchObject({ code: 'invalid_request' })
    await expect(
      h.client.transit.uploadTaps({
        sceneId: 'scn_1',
        taps: [{ ...tap(wallet, 1), tappedAt: '2025-01-01 08:30' }],
      }),
    ).rejects.toMatchObject({ code: 'invalid_request' })
    await expect(
      h.client.transit.uploadTaps({ sceneId: 'scn_1', taps: [tap('123', 1)] }),
    ).rejects.toMatchObject({ code: 'invalid_request' })
    expect(maxTapBatchSize).toBe(500)
  })
})
