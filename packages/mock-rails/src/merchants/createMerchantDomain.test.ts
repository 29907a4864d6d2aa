import { computeUsccCheckChar } from '@ecny/sdk-core/internal'
import { describe, expect, it } from 'vitest'
import { createRails } from '../createRails.js'
import { RailsError } from '../support/railsError.js'

const name = '杭州示例科技有限公司'
const first17 = '91330100MA2AB0000'
const uscc = `${first17}${computeUsccCheckChar(first17)}`
const card = '6222020000000007'

function setup() {
  const rails = createRails({ seed: 1 })
  const domain = rails.merchantDomain
  const wallet = rails.engine.openWallet({
    type: 'WT09',
    entity: { legalName: name, uscc },
    settlementAccount: { accountNo: '6100000000001234', accountName: name },
  }).id
  const apply = (over: Record<string, unknown> = {}) =>
    domain.createApplication({
      legalName: name,
      uscc,
      mcc: '5411',
      legalRepresentative: { name: '赵六', idType: 'IT01', idNumber: '110105200002291235' },
      contactMobile: '13800001111',
      settlementWalletId: wallet,
      ...over,
    } as never)
  const documents = (merchantId: string, types = ['business_licence', 'legal_rep_id', 'account_proof']) => {
    for (const type of types)
      domain.uploadDocument(merchantId, {
        type,
        contentType: 'application/pdf',
        size: 1,
        sha256: 'a'.repeat(64),
      } as never)
  }
  return { rails, domain, wallet, apply, documents }
}

const codeOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error instanceof RailsError ? { code: error.code, details: error.details } : error
  }
  return undefined
}

describe('merchant applications', () => {
  it('approves a complete application; the merchant can then take payments', () => {
    const { rails, domain, apply, documents } = setup()
    const draft = apply()
    documents(draft.id)
    expect(domain.submitApplication(draft.id)).toMatchObject({ status: 'approved', rejections: [] })
    const order = rails.engine.createOrder({
      merchantId: draft.id,
      merchantOrderNo: 'X-1',
      amount: 100,
      description: 'Tea',
      mode: 'qr',
    })
    expect(order.status).toBe('created')
  })

  it('rejects with a reason per field, and accepts the fixed resubmission', () => {
    const { domain, apply, documents } = setup()
    const bad = `${first17}${computeUsccCheckChar(first17) === '0' ? '1' : '0'}`
    expect(codeOf(() => apply({ uscc: bad }))).toMatchObject({
      code: 'invalid_request',
      details: { issues: [expect.objectContaining({ path: 'uscc' })] },
    })
    const draft = apply({
      uscc: bad,
      allowInvalidUsccCheck: true,
      legalRepresentative: { name: '赵六', idType: 'IT01', idNumber: '110105199913321235' },
    })
    documents(draft.id, ['business_licence'])
    const reviewed = domain.submitApplication(draft.id)
    expect(reviewed.status).toBe('rejected')
    expect(reviewed.rejections.map((r) => r.field)).toEqual([
      'uscc',
      'legalRepresentative.idNumber',
      'documents.legal_rep_id',
      'documents.account_proof',
      'settlementWalletId',
    ])
    expect(
      codeOf(() =>
        domain.createScene(draft.id, {
          kind: 'retail',
          name: 'x',
          areaCode: '110105',
          settings: { store: { address: 'y' } },
        }),
      ),
    ).toMatchObject({ code: 'merchant_not_approved' })
    domain.updateApplication(draft.id, {
      uscc,
      legalRepresentative: { name: '赵六', idType: 'IT01', idNumber: '110105200002291235' },
    })
    documents(draft.id, ['legal_rep_id', 'account_proof'])
    expect(domain.submitApplication(draft.id).status).toBe('approved')
    expect(codeOf(() => domain.updateApplication(draft.id, { mcc: '5812' }))).toMatchObject({
      code: 'invalid_state',
    })
  })

  it('checks document bytes against size and digest', () => {
    const { domain, apply } = setup()
    const draft = apply()
    const content = btoa('hello')
    const sha = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'
    expect(
      domain.uploadDocument(draft.id, {
        type: 'lease',
        contentType: 'application/pdf',
        size: 5,
        sha256: sha,
        content,
      }),
    ).toMatchObject({ type: 'lease', size: 5 })
    expect(
      codeOf(() =>
        domain.uploadDocument(draft.id, {
          type: 'lease',
          contentType: 'application/pdf',
          size: 4,
          sha256: sha,
          content,
        }),
      ),
    ).toMatchObject({ code: 'invalid_request' })
    expect(
      codeOf(() =>
        domain.uploadDocument(draft.id, {
          type: 'lease',
          contentType: 'image/gif' as never,
          size: 5,
          sha256: sha,
        }),
      ),
    ).toMatchObject({ code: 'invalid_request' })
    expect(
      codeOf(() =>
        domain.uploadDocument(draft.id, {
          type: 'lease',
          contentType: 'application/pdf',
          size: 800_000,
          sha256: sha,
        }),
      ),
    ).toMatchObject({ code: 'invalid_request' })
  })
})

describe('statements', () => {
  it("lists one merchant's orders and refunds of one Shanghai day as CSV", () => {
    const { rails, domain } = setup()
    rails.clock.set('2025-03-01T23:30:00+08:00')
    const merchant = rails.seedMerchant()
    const other = rails.seedMerchant()
    const payer = rails.engine.openWallet({ level: 'WL04', mobile: '13800002222' }).id
    rails.engine.topUp(payer, { amount: 10_000, bankCard: card })
    const a = rails.engine.createOrder({
      merchantId: merchant.id,
      merchantOrderNo: 'D1-A',
      amount: 500,
      description: 'Tea, hot',
      mode: 'qr',
    })
    rails.engine.payOrder(a.id, { walletId: payer })
    rails.engine.createOrder({
      merchantId: other.id,
      merchantOrderNo: 'D1-OTHER',
      amount: 1,
      description: 'x',
      mode: 'qr',
    })
    rails.clock.advance(60 * 60_000) // 00:30 the next day
    rails.engine.createRefund(a.id, { merchantRefundNo: 'D2-R', amount: 100 })
    const day1 = domain.statement(merchant.id, '2025-03-01').trim().split('\n')
    expect(day1[0]).toBe(
      'recordType,id,merchantOrderNo,orderId,mode,status,amount,refundedAmount,payerWalletId,occurredAt',
    )
    expect(day1.slice(1)).toEqual([
      `order,${a.id},D1-A,${a.id},qr,partially_refunded,500,100,${payer},2025-03-01T23:30:00.000+08:00`,
    ])
    const day2 = domain.statement(merchant.id, '2025-03-02').trim().split('\n')
    expect(day2.slice(1)).toEqual([
      expect.stringMatching(
        new RegExp(`^refund,rfd_\\w+,D2-R,${a.id},qr,succeeded,100,0,${payer},2025-03-02T00:30`),
      ),
    ])
    expect(codeOf(() => domain.statement(merchant.id, '2025-13-01'))).toMatchObject({
      code: 'invalid_request',
    })
  })
})
