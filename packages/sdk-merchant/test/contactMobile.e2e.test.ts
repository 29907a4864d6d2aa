/**
 * Onboarding and wallets agree on mobile numbers: a contact mobile typed `+8613812341234` or
 * `008613812341234` is the same 11-digit number a wallet stores (issue #16).
 */
import { computeUsccCheckChar } from '@ecny/sdk-core'
import { rejectionOf, useMerchantRails } from '@ecny/test-utils'
import { expect, it } from 'vitest'

const h = useMerchantRails()

const legalName = '上海示例便利店有限公司'
const first17 = '91310115MA01ABCD3'
const uscc = `${first17}${computeUsccCheckChar(first17)}`

function application(contactMobile: string) {
  const settlement = h.rails.engine.openWallet({
    type: 'WT09',
    entity: { legalName, uscc },
    settlementAccount: { accountNo: '6100000000008888', accountName: legalName },
  })
  return {
    legalName,
    uscc,
    mcc: '5411',
    legalRepresentative: { name: '张三', idType: 'IT01' as const, idNumber: '110105200002291235' },
    contactMobile,
    settlementWalletId: settlement.id,
  }
}

it('stores a +86 contact mobile as the 11 digits, on create and on update', async () => {
  const client = h.clientWith({ merchantId: undefined })
  const draft = await client.onboarding.createApplication(application('+8613812341234'))
  expect(h.rails.merchants.get(draft.id)?.contactMobile).toBe('13812341234')
  await client.onboarding.update({ merchantId: draft.id, contactMobile: '008613912345678' })
  expect(h.rails.merchants.get(draft.id)?.contactMobile).toBe('13912345678')
})

it('the rails normalise a +86 contact mobile sent without the SDK', () => {
  const draft = h.rails.merchantDomain.createApplication(application('+8613812341234'))
  expect(h.rails.merchants.get(draft.id)?.contactMobile).toBe('13812341234')
})

it('refuses a foreign contact mobile locally: merchants need a mainland number', async () => {
  const client = h.clientWith({ merchantId: undefined })
  const error = await rejectionOf(client.onboarding.createApplication(application('+85291234567')))
  expect(error).toMatchObject({ code: 'invalid_request' })
})
