import { computeUsccCheckChar, EcnyError } from '@ecny/sdk-core'
import { useMerchantRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { type MerchantClient, maxDocumentBytes } from '../src/index.js'

const h = useMerchantRails()

const legalName = '北京示例餐饮有限公司'
const first17 = '91110105MA01ABCD2'
const validUscc = `${first17}${computeUsccCheckChar(first17)}`
const wrongCheck = `${first17}${computeUsccCheckChar(first17) === 'X' ? 'Y' : 'X'}`
const goodId = '110105200002291235'
/** 2001-02-29 does not exist; the check character is right for those 17 digits. */
const impossibleBirthDate = '110105200102291233'

function corporateWallet(name = legalName, uscc = validUscc) {
  return h.rails.engine.openWallet({
    type: 'WT09',
    entity: { legalName: name, uscc },
    settlementAccount: { accountNo: '6100000000009999', accountName: name },
  }).id
}

const application = (settlementWalletId: string, over: Record<string, unknown> = {}) => ({
  legalName,
  uscc: validUscc,
  mcc: '5812',
  legalRepresentative: { name: '张三', idType: 'IT01' as const, idNumber: goodId },
  contactMobile: '13812341234',
  settlementWalletId,
  ...over,
})

async function uploadRequired(client: MerchantClient, merchantId: string, skip?: string) {
  for (const type of ['business_licence', 'legal_rep_id', 'account_proof'] as const) {
    if (type === skip) continue
    await client.onboarding.uploadDocument({
      merchantId,
      type,
      contentType: 'application/pdf',
      content: new TextEncoder().encode(`%PDF-1.4 ${type}`),
    })
  }
}

describe('onboarding end to end', () => {
  it('applies, uploads documents, is approved, then registers scenes, terminals and QR codes', async () => {
    const client = h.clientWith({ merchantId: undefined })
    const draft = await client.onboarding.createApplication(application(corporateWallet()))
    expect(draft).toMatchObject({ status: 'draft', legalName, uscc: validUscc })
    expect(draft.legalRepresentative.idNumber).toBe('110105********1235')
    const doc = await client.onboarding.uploadDocument({
      merchantId: draft.id,
      type: 'business_licence',
      contentType: 'image/png',
      content: new Uint8Array([137, 80, 78, 71, 1, 2, 3]),
    })
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/)
    await uploadRequired(client, draft.id, 'business_licence')
    const approved = await client.onboarding.submit({ merchantId: draft.id })
    expect(approved).toMatchObject({ status: 'approved', rejections: [] })
    expect((await client.onboarding.get({ merchantId: draft.id })).documents).toHaveLength(3)

    const merchant = h.clientWith({ merchantId: draft.id })
    const store = await merchant.onboarding.createScene({
      kind: 'retail',
      name: '三里屯店',
      areaCode: '110105',
      store: { address: '北京市朝阳区三里屯路19号' },
    })
    expect(store).toMatchObject({
      kind: 'retail',
      merchantId: draft.id,
      settings: { store: { address: '北京市朝阳区三里屯路19号' } },
    })
    const till = await merchant.onboarding.createTerminal({
      sceneId: store.id,
      deviceType: '04',
      deviceId: 'POS00001',
    })
    expect(till).toMatchObject({ deviceType: '04', deviceId: 'POS00001' })
    await expect(
      merchant.onboarding.createTerminal({ sceneId: store.id, deviceType: '04', deviceId: 'POS00001' }),
    ).rejects.toMatchObject({ code: 'conflict' })
    const fixed = await merchant.onboarding.createQrCode({ sceneId: store.id, kind: 'static' })
    expect(fixed.payload).toContain(store.id)
    const dynamic = await merchant.onboarding.createQrCode({
      sceneId: store.id,
      kind: 'dynamic',
      amount: 2_000,
      description: '停车费',
    })
    const resolved = h.rails.engine.resolveQr(dynamic.payload)
    expect(resolved).toMatchObject({ amount: 2_000, merchantName: legalName })
    expect(dynamic.orderId).toBe(resolved.orderId)
    // payments settle into the applicant's own corporate wallet
    const payer = h.fundedWallet(5_000)
    h.rails.engine.payOrder(resolved.orderId, { walletId: payer })
    expect(h.balanceOf(approved.settlementWalletId!)).toBe(2_000)
  })

  it('refuses a USCC with a wrong check character locally, before sending', async () => {
    const error = await h.client.onboarding
      .createApplication(application(corporateWallet(), { uscc: wrongCheck }))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EcnyError)
    expect(error).toMatchObject({
      code: 'invalid_request',
      details: { issues: [expect.objectContaining({ path: 'uscc' })] },
    })
    expect((error as EcnyError).message).toMatch(/check character/)
    expect(h.rails.merchants.list()).toHaveLength(1) // only the seeded merchant
  })

  it('with the explicit override the review rejects the USCC with a field-level reason', async () => {
    const draft = await h.client.onboarding.createApplication(
      application(corporateWallet(), { uscc: wrongCheck, allowInvalidUsccCheck: true }),
    )
    await uploadRequired(h.client, draft.id)
    const reviewed = await h.client.onboarding.submit({ merchantId: draft.id })
    expect(reviewed.status).toBe('rejected')
    expect(reviewed.rejections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'uscc', reason: expect.stringMatching(/check character/) }),
      ]),
    )
  })

  it('refuses an ID number with an impossible birth date locally; the review rejects it too', async () => {
    const wallet = corporateWallet()
    await expect(
      h.client.onboarding.createApplication(
        application(wallet, {
          legalRepresentative: { name: '张三', idType: 'IT01', idNumber: impossibleBirthDate },
        }),
      ),
    ).rejects.toMatchObject({
      code: 'invalid_request',
      details: {
        issues: [
          expect.objectContaining({
            path: 'legalRepresentative.idNumber',
            message: expect.stringMatching(/not a real date/),
          }),
        ],
      },
    })
    // Sent anyway (bypassing the SDK's checks), the review rejects it field by field.
    const draft = await h.client.request({
      method: 'POST',
      path: '/v1/merchants',
      body: application(wallet, {
        legalRepresentative: { name: '张三', idType: 'IT01', idNumber: impossibleBirthDate },
      }),
      schema: (await import('@ecny/protocol')).merchant,
    })
    await uploadRequired(h.client, draft.id)
    const reviewed = await h.client.onboarding.submit({ merchantId: draft.id })
    expect(reviewed.rejections).toEqual([
      {
        field: 'legalRepresentative.idNumber',
        reason: expect.stringMatching(/birth date .* not a real date/),
      },
    ])
  })

  it('rejects a missing document and a settlement account name that is not the licence name; fixed, it is approved', async () => {
    const otherWallet = corporateWallet('另一家公司', validUscc)
    const draft = await h.client.onboarding.createApplication(application(otherWallet))
    await uploadRequired(h.client, draft.id, 'account_proof')
    const reviewed = await h.client.onboarding.submit({ merchantId: draft.id })
    expect(reviewed.status).toBe('rejected')
    expect(reviewed.rejections.map((r) => r.field).sort()).toEqual([
      'documents.account_proof',
      'settlementWalletId',
    ])
    await expect(
      h.client.orders.create({
        merchantId: draft.id,
        mode: 'qr',
        merchantOrderNo: 'N-1',
        amount: 100,
        description: 'Tea',
      }),
    ).rejects.toMatchObject({ code: 'merchant_not_approved' })

    // Fix: the licence name is the wallet's, and the proof is uploaded; resubmit.
    await h.client.onboarding.update({ merchantId: draft.id, legalName: '另一家公司' })
    await h.client.onboarding.uploadDocument({
      merchantId: draft.id,
      type: 'account_proof',
      contentType: 'image/jpeg',
      content: new Uint8Array([255, 216, 255]),
    })
    const resubmitted = await h.client.onboarding.submit({ merchantId: draft.id })
    expect(resubmitted).toMatchObject({ status: 'approved', rejections: [], legalName: '另一家公司' })
  })

  it('checks document type, format and size before sending', async () => {
    const base = { merchantId: 'mch_x', contentType: 'application/pdf' as const }
    await expect(
      h.client.onboarding.uploadDocument({ ...base, type: 'selfie' as never, content: new Uint8Array([1]) }),
    ).rejects.toMatchObject({ code: 'invalid_request' })
    await expect(
      h.client.onboarding.uploadDocument({
        ...base,
        type: 'lease',
        contentType: 'image/gif' as never,
        content: new Uint8Array([1]),
      }),
    ).rejects.toMatchObject({ code: 'invalid_request' })
    await expect(
      h.client.onboarding.uploadDocument({
        ...base,
        type: 'lease',
        content: new Uint8Array(maxDocumentBytes + 1),
      }),
    ).rejects.toMatchObject({
      code: 'invalid_request',
      details: { issues: [expect.objectContaining({ path: 'content' })] },
    })
    await expect(
      h.client.onboarding.uploadDocument({ ...base, type: 'lease', content: new Uint8Array(0) }),
    ).rejects.toMatchObject({ code: 'invalid_request' })
  })

  it('the rails check uploaded bytes against the digest', async () => {
    const draft = await h.client.onboarding.createApplication(application(corporateWallet()))
    const error = await h.client
      .request({
        method: 'POST',
        path: `/v1/merchants/${draft.id}/documents`,
        body: {
          type: 'lease',
          contentType: 'application/pdf',
          size: 3,
          sha256: '0'.repeat(64),
          content: btoa('abc'),
        },
        schema: (await import('@ecny/sdk-core/internal')).z.unknown(),
      })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'invalid_request',
      details: { issues: [expect.objectContaining({ path: 'sha256' })] },
    })
  })

  it('validates scenes and terminals locally', async () => {
    await expect(
      h.client.onboarding.createScene({
        kind: 'retail',
        name: 'x',
        areaCode: '990000',
        store: { address: 'a' },
      }),
    ).rejects.toMatchObject({ code: 'invalid_request' })
    await expect(
      h.client.onboarding.createTerminal({
        sceneId: 'scn_1',
        deviceType: '05' as never,
        deviceId: 'POS00001',
      }),
    ).rejects.toMatchObject({ code: 'invalid_request' })
    await expect(
      h.client.onboarding.createTerminal({ sceneId: 'scn_1', deviceType: '04', deviceId: 'POS0001' }),
    ).rejects.toMatchObject({ code: 'invalid_request' })
    await expect(
      h.client.onboarding.createScene({
        kind: 'transit',
        name: 'Line',
        areaCode: '110105',
        lines: [],
        stations: [],
        gates: [],
      }),
    ).rejects.toMatchObject({ code: 'invalid_request' })
  })
})
