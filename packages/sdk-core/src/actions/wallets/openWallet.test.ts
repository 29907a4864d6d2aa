import { describe, expect, it } from 'vitest'
import { useInlineGateway, walletJson } from '../../../test/e2e/support/inlineGateway.js'
import { openWallet } from './openWallet.js'
import { upgradeWallet } from './upgradeWallet.js'

const gateway = useInlineGateway()
const mobile = '13812341234'
const idNumber = '11010519491231002X'
const card = { number: '6222020000000007', holderName: '张三' }

async function invalid(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toMatchObject({ code: 'invalid_request' })
  expect(gateway.seen).toHaveLength(0)
  return error as { shortMessage: string; details: { issues: Array<{ path: string; message: string }> } }
}

describe('openWallet', () => {
  it('sends the personal identity for the level', async () => {
    gateway.on('POST /v1/wallets', { json: walletJson('0099000000000001', 'WL02') })
    const wallet = await openWallet(gateway.client(), {
      type: 'WT01',
      level: 'WL02',
      mobile,
      name: '张三',
      idNumber: '11010519491231002x',
      bankCard: card,
    })
    expect(wallet.level).toBe('WL02')
    expect(gateway.seen[0]).toMatchObject({
      method: 'POST',
      path: '/v1/wallets',
      body: { type: 'WT01', level: 'WL02', mobile, name: '张三', idNumber, bankCard: card },
    })
    expect(gateway.seen[0]!.headers.get('idempotency-key')).toMatch(/^idk_/)
  })

  it('names every identity field the level needs, before sending', async () => {
    const error = await invalid(openWallet(gateway.client(), { type: 'WT01', level: 'WL01', mobile }))
    expect(error.details.issues.map((issue) => issue.path)).toEqual([
      'name',
      'idNumber',
      'bankCard',
      'counterVerification',
    ])
    expect(error.shortMessage).toContain('name: required for a WL01 (verified at a bank counter) wallet')
  })

  it('refuses a malformed ID number, a mistyped card, and a card in another name', async () => {
    const wl03 = { type: 'WT01', level: 'WL03', mobile, name: '张三' } as const
    const bad = await invalid(openWallet(gateway.client(), { ...wl03, idNumber: '110105194912310021' }))
    expect(bad.shortMessage).toContain('idNumber: resident ID number check character does not match')
    expect(bad.shortMessage).not.toContain('110105194912310021')
    await invalid(
      openWallet(gateway.client(), {
        ...wl03,
        level: 'WL02',
        idNumber,
        bankCard: { ...card, number: '6222020000000008' },
      }),
    )
    const otherName = await invalid(
      openWallet(gateway.client(), {
        ...wl03,
        level: 'WL02',
        idNumber,
        bankCard: { ...card, holderName: '李四' },
      }),
    )
    expect(otherName.details.issues[0]!.path).toBe('bankCard.holderName')
  })

  it('accepts a foreign mobile number for WL04 and refuses a mainland typo', async () => {
    gateway.on('POST /v1/wallets', { json: walletJson('0099000000000002') })
    await openWallet(gateway.client(), { type: 'WT01', level: 'WL04', mobile: '+85291234567' })
    gateway.seen.length = 0
    const error = await invalid(
      openWallet(gateway.client(), { type: 'WT01', level: 'WL04', mobile: '1381234123' }),
    )
    expect(error.shortMessage).toContain('mobile: mobile number must be 11 digits')
  })

  it('requires a corporate settlement account in the licence name', async () => {
    const corporate = {
      type: 'WT09',
      entity: { legalName: '示例科技有限公司', uscc: '91110108MA0000001D' },
      settlementAccount: { accountNo: '755912345610001', accountName: '示例科技公司' },
    } as const
    const error = await invalid(openWallet(gateway.client(), corporate))
    expect(error.details.issues[0]).toMatchObject({ path: 'settlementAccount.accountName' })
    gateway.on('POST /v1/wallets', { json: walletJson('0099000000000003', 'WL01', 'WT09') })
    const wallet = await openWallet(gateway.client(), {
      ...corporate,
      settlementAccount: { ...corporate.settlementAccount, accountName: '示例科技有限公司' },
    })
    expect(wallet.type).toBe('WT09')
  })

  it('refuses an unknown wallet type', async () => {
    // @ts-expect-error: WT02 sub-wallets are pushed, not opened
    await invalid(openWallet(gateway.client(), { type: 'WT02', level: 'WL04', mobile }))
  })
})

describe('upgradeWallet', () => {
  it('sends only the identity the new level adds; a malformed ID number is refused locally', async () => {
    gateway.on('POST /v1/wallets/0099000000000001/upgrade', { json: walletJson('0099000000000001', 'WL03') })
    await upgradeWallet(gateway.client(), {
      walletId: '0099000000000001',
      level: 'WL03',
      name: '张三',
      idNumber,
    })
    expect(gateway.seen[0]!.body).toEqual({ level: 'WL03', name: '张三', idNumber })
    gateway.seen.length = 0
    await invalid(
      upgradeWallet(gateway.client(), {
        walletId: '0099000000000001',
        level: 'WL03',
        idNumber: '1101051949',
      }),
    )
    await invalid(upgradeWallet(gateway.client(), { walletId: '0099-0000', level: 'WL03' }))
  })
})
