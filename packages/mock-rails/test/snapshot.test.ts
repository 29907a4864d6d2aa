import { computeUsccCheckChar } from '@ecny/sdk-core/internal'
import { createSignedClient, errorOf, testCard, testRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { createRails } from '../src/createRails.js'

describe('snapshot and restore', () => {
  it('round-trips through JSON: balances, orders, apps, keys, clock and pending notifications', async () => {
    const { rails, engine, merchant } = testRails()
    const app = await rails.createDemoApp({ merchantIds: [merchant.id] })
    const wallet = engine.openWallet({ level: 'WL04', mobile: '13800138000' })
    engine.topUp(wallet.id, { amount: 5_000, bankCard: testCard })
    const order = engine.createOrder({
      merchantId: merchant.id,
      merchantOrderNo: 'S1',
      amount: 700,
      description: 'x',
      mode: 'qr',
    })
    engine.payOrder(order.id, { walletId: wallet.id })
    const jwks = await rails.jwks()
    const saved = JSON.parse(JSON.stringify(rails.snapshot()))

    const copy = createRails({ state: saved })
    expect(copy.engine.getBalance(wallet.id).available).toBe(4_300)
    expect(copy.engine.getOrder(order.id)).toEqual(engine.getOrder(order.id))
    expect(copy.clock.now()).toBe(rails.clock.now())
    expect(await copy.jwks()).toEqual(jwks)
    expect(copy.notifications.pendingCount()).toBe(1)
    expect(copy.ledger.verify().ok).toBe(true)
    const client = createSignedClient({ ...app, send: (r) => copy.handle(r), now: () => copy.clock.now() })
    expect((await client.call('GET', `/v1/orders/${order.id}`)).status).toBe(200)
    // ids continue where they left off
    expect(copy.engine.openWallet({ level: 'WL04', mobile: '13900139000' }).id).not.toBe(wallet.id)

    engine.topUp(wallet.id, { amount: 1, bankCard: testCard })
    rails.restore(saved)
    expect(engine.getBalance(wallet.id).available).toBe(4_300)
  })

  it('carries the merchant domain: applications, documents, scenes, terminals, QR codes, bills, taps', () => {
    const { rails, engine, merchant } = testRails()
    const domain = rails.merchantDomain
    const legalName = '杭州快照科技有限公司'
    const uscc = `91330100MA2AB0003${computeUsccCheckChar('91330100MA2AB0003')}`
    const settlement = engine.openWallet({
      type: 'WT09',
      entity: { legalName, uscc },
      settlementAccount: { accountNo: '6100000000008888', accountName: legalName },
    })
    const draft = domain.createApplication({
      legalName,
      uscc,
      mcc: '5411',
      legalRepresentative: { name: '周九', idType: 'IT01', idNumber: '110105200002291235' },
      contactMobile: '13800005555',
      settlementWalletId: settlement.id,
    })
    domain.uploadDocument(draft.id, {
      type: 'lease',
      contentType: 'application/pdf',
      size: 1,
      sha256: 'c'.repeat(64),
    })
    const transit = domain.createScene(merchant.id, {
      kind: 'transit',
      name: 'Line 1',
      areaCode: '330100',
      settings: {
        lines: [{ id: 'L1', name: 'Line 1' }],
        stations: [{ id: 'S1', name: 'West Lake', lineIds: ['L1'] }],
        gates: [{ id: 'G1', stationId: 'S1' }],
        offlineTaps: { enabled: true },
      },
    })
    const gov = domain.createScene(merchant.id, {
      kind: 'government',
      name: 'Fees',
      areaCode: '330100',
      settings: { agency: 'Hangzhou Tax', billTypes: ['tax'] },
    })
    const terminal = domain.createTerminal(transit.id, { deviceType: '04', deviceId: 'GATE0001' })
    const qr = domain.createQrCode(gov.id, { kind: 'static' })
    const bill = domain.createGovBill({
      sceneId: gov.id,
      billNo: 'B-1',
      billType: 'tax',
      payerName: '周九',
      amount: 300,
      dueDate: '2025-04-01',
    })
    domain.payGovBillByQr(bill.id, {})
    const rider = engine.openWallet({ level: 'WL04', mobile: '13900139001' })
    engine.topUp(rider.id, { amount: 1_000, bankCard: testCard })
    const tap = {
      walletId: rider.id,
      counter: 1,
      amount: 200,
      tappedAt: '2025-03-10T08:00:00+08:00',
      gateId: 'G1',
    }
    domain.uploadTapBatch({ sceneId: transit.id, taps: [tap] })
    const statement = domain.statement(merchant.id, '2025-03-10')
    const saved = JSON.parse(JSON.stringify(rails.snapshot()))

    const copy = createRails({ state: saved })
    const restored = copy.merchantDomain
    expect(restored.getMerchant(draft.id)).toEqual(domain.getMerchant(draft.id))
    expect(restored.sceneMerchant(transit.id)).toBe(merchant.id)
    expect(restored.getGovBill(bill.id)).toEqual(domain.getGovBill(bill.id))
    expect(restored.getGovBill(bill.id).qrPayload).toMatch(/^ecny:\/\/pay/)
    expect(restored.statement(merchant.id, '2025-03-10')).toBe(statement)
    expect(
      errorOf(() => restored.createTerminal(transit.id, { deviceType: '04', deviceId: 'GATE0001' })).details,
    ).toEqual({
      terminalId: terminal.id,
    })
    expect(restored.uploadTapBatch({ sceneId: transit.id, taps: [tap] }).results[0]!.status).toBe('duplicate')
    // ids continue where they left off
    expect(restored.createQrCode(gov.id, { kind: 'static' }).id).not.toBe(qr.id)
    expect(
      restored.createScene(merchant.id, {
        kind: 'retail',
        name: 'Shop',
        areaCode: '330100',
        settings: { store: { address: 'x' } },
      }).id,
    ).not.toBe(gov.id)
  })

  it('rebuilds the statement index from a snapshot saved without it', () => {
    const { rails, engine, merchant } = testRails()
    const wallet = engine.openWallet({ level: 'WL04', mobile: '13800138000' })
    engine.topUp(wallet.id, { amount: 5_000, bankCard: testCard })
    const order = engine.createOrder({
      merchantId: merchant.id,
      merchantOrderNo: 'OLD-1',
      amount: 700,
      description: 'x',
      mode: 'qr',
    })
    engine.payOrder(order.id, { walletId: wallet.id })
    engine.createRefund(order.id, { merchantRefundNo: 'OLD-R', amount: 100 })
    const statement = rails.merchantDomain.statement(merchant.id, '2025-03-10')
    const saved = rails.snapshot()
    delete (saved.state as Record<string, unknown>).merchantDays
    const copy = createRails({ state: saved })
    expect(copy.merchantDomain.statement(merchant.id, '2025-03-10')).toBe(statement)
    expect(statement.trim().split('\n')).toHaveLength(3)
  })
})
