import { subWallet, wallet as walletSchema } from '@ecny/protocol'
import { bankCard, errorOf, openWl04, residentId, testCard, testRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'

const adult = residentId('19900101')

describe('opening wallets', () => {
  it('each level asks for its identity; missing fields are named', () => {
    const { engine } = testRails()
    expect(errorOf(() => engine.openWallet({ level: 'WL04' })).details).toEqual({
      level: 'WL04',
      missing: ['mobile'],
    })
    expect(errorOf(() => engine.openWallet({ level: 'WL03', mobile: '13800138000' }))).toMatchObject({
      code: 'identity_required',
      status: 422,
      details: { missing: ['name', 'idNumber'] },
    })
    expect(
      errorOf(() =>
        engine.openWallet({ level: 'WL02', mobile: '13800138000', name: '李四', idNumber: adult }),
      ).details.missing,
    ).toEqual(['bankCard'])
    const wl03 = engine.openWallet({ level: 'WL03', mobile: '13800138000', name: '李四', idNumber: adult })
    expect(z.parse(walletSchema, wl03)).toMatchObject({
      type: 'WT01',
      level: 'WL03',
      holder: {
        name: '李*',
        mobile: '138****8000',
        idNumber: `${adult.slice(0, 6)}********${adult.slice(-4)}`,
      },
    })
    const wl01 = engine.openWallet({
      level: 'WL01',
      mobile: '13800138000',
      name: '李四',
      idNumber: adult,
      bankCard: { number: testCard, holderName: '李四' },
      counterVerification: { branchId: 'BR001' },
    })
    expect(wl01.linkedBankCard).toBe(`****${testCard.slice(-4)}`)
  })

  it('rejects a bad check digit, a holder under 16, a card in another name, a foreign-format mobile', () => {
    const { engine } = testRails() // rails clock: 2025-03-10
    const bad = `${adult.slice(0, 17)}${adult[17] === '0' ? '1' : '0'}`
    expect(
      errorOf(() => engine.openWallet({ level: 'WL03', mobile: '13800138000', name: '李四', idNumber: bad }))
        .details.issues,
    ).toEqual([expect.objectContaining({ path: 'idNumber' })])
    expect(() =>
      engine.openWallet({
        level: 'WL03',
        mobile: '13800138000',
        name: '小明',
        idNumber: residentId('20090310'),
      }),
    ).not.toThrow()
    expect(
      errorOf(() =>
        engine.openWallet({
          level: 'WL03',
          mobile: '13800138000',
          name: '小红',
          idNumber: residentId('20090311'),
        }),
      ).message,
    ).toMatch(/16 or older/)
    expect(
      errorOf(() =>
        engine.openWallet({
          level: 'WL02',
          mobile: '13800138000',
          name: '王五',
          idNumber: residentId('19800101'),
          bankCard: { number: testCard, holderName: '赵六' },
        }),
      ).details.issues,
    ).toEqual([expect.objectContaining({ path: 'bankCard.holderName' })])
    expect(errorOf(() => engine.openWallet({ level: 'WL04', mobile: '12345' })).code).toBe('invalid_request')
    expect(engine.openWallet({ level: 'WL04', mobile: '+447700900123' }).level).toBe('WL04')
  })

  it('one wallet per level per ID number; closing frees it', () => {
    const { engine } = testRails()
    const params = { level: 'WL03' as const, mobile: '13800138000', name: '李四', idNumber: adult }
    const first = engine.openWallet(params)
    expect(errorOf(() => engine.openWallet(params))).toMatchObject({
      code: 'wallet_exists',
      details: { walletId: first.id },
    })
    engine.closeWallet(first.id)
    expect(engine.openWallet(params).id).not.toBe(first.id)
  })

  it('corporate wallets need a valid USCC and a settlement account in the same name', () => {
    const { engine } = testRails()
    const entity = { legalName: '示例科技有限公司', uscc: '91110108MA0000001D' }
    expect(errorOf(() => engine.openWallet({ type: 'WT09', entity })).details.missing).toEqual([
      'settlementAccount',
    ])
    expect(
      errorOf(() =>
        engine.openWallet({
          type: 'WT09',
          entity,
          settlementAccount: { accountNo: '1', accountName: '别的公司' },
        }),
      ).details.issues,
    ).toEqual([expect.objectContaining({ path: 'settlementAccount.accountName' })])
    expect(
      errorOf(() =>
        engine.openWallet({
          type: 'WT09',
          entity: { ...entity, uscc: '91110108MA0000001E' },
          settlementAccount: { accountNo: '1', accountName: entity.legalName },
        }),
      ).details.issues,
    ).toEqual([expect.objectContaining({ path: 'entity.uscc' })])
  })

  it('upgrade WL04 → WL03 → WL02 adds identity; a weaker or equal level is refused', () => {
    const { engine } = testRails()
    const w = openWl04({ engine } as never)
    expect(errorOf(() => engine.upgradeWallet(w.id, { level: 'WL03' })).details.missing).toEqual([
      'name',
      'idNumber',
    ])
    expect(engine.upgradeWallet(w.id, { level: 'WL03', name: '李四', idNumber: adult }).level).toBe('WL03')
    expect(errorOf(() => engine.upgradeWallet(w.id, { level: 'WL04' })).code).toBe('invalid_request')
    const wl02 = engine.upgradeWallet(w.id, {
      level: 'WL02',
      bankCard: { number: bankCard(7), holderName: '李四' },
    })
    expect(wl02).toMatchObject({ level: 'WL02', linkedBankCard: `****${bankCard(7).slice(-4)}` })
    expect(engine.getLimits(w.id).caps.single).toBe(5_000_000)
  })
})

describe('closing wallets', () => {
  it('only an empty wallet closes; a closed wallet refuses everything', () => {
    const { engine, merchant, rails } = testRails()
    const w = openWl04(rails)
    engine.topUp(w.id, { amount: 500, bankCard: testCard })
    expect(errorOf(() => engine.closeWallet(w.id))).toMatchObject({
      code: 'wallet_not_empty',
      details: { balance: 500 },
    })
    engine.redeem(w.id, { amount: 500, bankCard: testCard })
    expect(engine.closeWallet(w.id)).toMatchObject({ status: 'closed' })
    expect(errorOf(() => engine.closeWallet(w.id)).code).toBe('wallet_closed')
    expect(errorOf(() => engine.topUp(w.id, { amount: 1, bankCard: testCard })).code).toBe('wallet_closed')
    expect(errorOf(() => engine.createPaymentCode(w.id)).code).toBe('wallet_closed')
    const o = engine.createOrder({
      merchantId: merchant.id,
      merchantOrderNo: 'Z',
      amount: 1,
      description: 'x',
      mode: 'qr',
    })
    expect(errorOf(() => engine.payOrder(o.id, { walletId: w.id })).code).toBe('wallet_closed')
    expect(engine.getWallet(w.id).status).toBe('closed')
  })

  it('top-ups of wallets without a linked card name one', () => {
    const { engine, rails } = testRails()
    const w = openWl04(rails)
    expect(errorOf(() => engine.topUp(w.id, { amount: 1 })).details.issues).toEqual([
      expect.objectContaining({ path: 'bankCard' }),
    ])
    expect(errorOf(() => engine.topUp(w.id, { amount: 1, bankCard: '6222020200000000001' })).code).toBe(
      'invalid_request',
    )
  })
})

describe('sub-wallets', () => {
  it('charges draw from the parent within the sub-wallet caps; revoked ones fail', () => {
    const { engine, merchant, rails } = testRails()
    const parent = openWl04(rails)
    engine.topUp(parent.id, { amount: 100_000, bankCard: testCard })
    const sub = engine.createSubWallet(parent.id, {
      merchantId: merchant.id,
      caps: { single: 1_000, daily: 1_500 },
    })
    expect(z.parse(subWallet, sub).status).toBe('active')
    const charge = (no: string, amount: number) =>
      engine.createOrder({
        merchantId: merchant.id,
        merchantOrderNo: no,
        amount,
        description: 'ride',
        mode: 'sub_wallet',
        subWalletId: sub.id,
      })
    expect(charge('S1', 1_000)).toMatchObject({
      status: 'succeeded',
      payerWalletId: parent.id,
      subWalletId: sub.id,
    })
    expect(charge('S2', 1_001)).toMatchObject({ status: 'failed', failureCode: 'limit_exceeded' })
    expect(charge('S3', 501)).toMatchObject({ status: 'failed', failureCode: 'limit_exceeded' })
    expect(charge('S4', 500).status).toBe('succeeded')
    expect(engine.getBalance(parent.id).available).toBe(98_500)
    expect(rails.ledger.balanceOf(`wallet:${sub.id}`)).toBe(0)
    const refund = engine.createRefund(engine.findOrderByMerchantOrderNo(merchant.id, 'S4').id, {
      merchantRefundNo: 'SR',
      amount: 500,
    })
    expect(refund.status).toBe('succeeded')
    expect(engine.getBalance(parent.id).available).toBe(99_000)
    expect(engine.revokeSubWallet(sub.id).status).toBe('revoked')
    expect(errorOf(() => engine.revokeSubWallet(sub.id)).code).toBe('invalid_state')
    rails.clock.advance(86_400_000)
    expect(charge('S5', 10)).toMatchObject({ status: 'failed', failureCode: 'sub_wallet_revoked' })
    expect(engine.listSubWallets(parent.id).data).toHaveLength(1)
    expect(rails.ledger.verify().ok).toBe(true)
  })

  it('another merchant cannot charge a sub-wallet', () => {
    const { engine, merchant, rails } = testRails()
    const other = rails.seedMerchant()
    const parent = openWl04(rails)
    engine.topUp(parent.id, { amount: 1_000, bankCard: testCard })
    const sub = engine.createSubWallet(parent.id, {
      merchantId: merchant.id,
      caps: { single: 1_000, daily: 1_000 },
    })
    const order = engine.createOrder({
      merchantId: other.id,
      merchantOrderNo: 'X',
      amount: 1,
      description: 'x',
      mode: 'sub_wallet',
      subWalletId: sub.id,
    })
    expect(order).toMatchObject({ status: 'failed', failureCode: 'permission_denied' })
  })
})

describe('transfers', () => {
  it('moves money, lists newest first with cursors, campaign hook answers by default campaign_not_found', () => {
    const { engine, rails } = testRails()
    const a = openWl04(rails)
    const b = openWl04(rails, '13900139000')
    engine.topUp(a.id, { amount: 10_000, bankCard: testCard })
    const ids = [1, 2, 3].map(
      (n) => engine.createTransfer({ fromWalletId: a.id, toWalletId: b.id, amount: n * 100 }).id,
    )
    const withCampaign = engine.createTransfer({
      fromWalletId: a.id,
      toWalletId: b.id,
      amount: 1,
      campaignId: 'cmp_x',
    })
    expect(withCampaign.reward).toEqual({ granted: false, reason: 'campaign_not_found' })
    expect(engine.getTransfer(ids[0]!).reward).toBeNull()
    const page1 = engine.listWalletTransfers(b.id, { limit: 2 })
    expect(page1.data.map((t) => t.id)).toEqual([withCampaign.id, ids[2]])
    const page2 = engine.listWalletTransfers(b.id, { limit: 2, cursor: page1.nextCursor })
    expect(page2).toEqual({
      data: [expect.objectContaining({ id: ids[1] }), expect.objectContaining({ id: ids[0] })],
      nextCursor: null,
    })
    expect(engine.getBalance(b.id).available).toBe(601)
    const history = engine.listTransactions(a.id, { limit: 10 }).data
    expect(history[0]).toMatchObject({
      kind: 'transfer_out',
      direction: 'debit',
      amount: 1,
      balanceAfter: 9_399,
    })
    expect(history.at(-1)).toMatchObject({ kind: 'top_up', direction: 'credit', amount: 10_000 })
    expect(
      errorOf(() => engine.createTransfer({ fromWalletId: a.id, toWalletId: a.id, amount: 1 })).code,
    ).toBe('invalid_request')
  })
})

describe('mobile numbers in E.164 form', () => {
  it('the rails store a +86 mainland number as the 11 digits and refuse a +86 non-mobile', () => {
    const { engine, rails } = testRails()
    engine.openWallet({ level: 'WL04', mobile: '+8613800138000' })
    const saved = JSON.stringify(rails.snapshot().state)
    expect(saved).toContain('"13800138000"')
    expect(saved).not.toContain('+8613800138000')
    expect(errorOf(() => engine.openWallet({ level: 'WL04', mobile: '+8612800138000' }))).toMatchObject({
      code: 'invalid_request',
      details: { issues: [{ path: 'mobile' }] },
    })
  })
})
