import { bankCard, rejectionOf, residentId, testCard, useWalletRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { defaultWalletLimits, isValidResidentId } from '../../src/index.js'

const h = useWalletRails()

async function openWl01() {
  return h.client.wallets.open({
    type: 'WT01',
    level: 'WL01',
    mobile: '13912340001',
    name: '钱七',
    idNumber: residentId('19700101', '011'),
    bankCard: { number: bankCard(3), holderName: '钱七' },
    counterVerification: { branchId: 'BJ-001' },
  })
}

describe('finite default caps on every level (DOMAIN.md §7)', () => {
  it('the gateway reports the same finite WL01 caps as the SDK table', async () => {
    const wallet = await openWl01()
    const limits = await h.client.wallets.limits({ walletId: wallet.id })
    expect(limits.caps).toEqual(defaultWalletLimits.WL01.caps)
    for (const cap of Object.values(limits.caps)) expect(cap).toBeGreaterThan(0)
  })

  it('refuses a WL01 top-up over the default balance cap of ¥1,000,000', async () => {
    const wallet = await openWl01()
    await h.client.wallets.topUp({ walletId: wallet.id, amount: 100_000_000, bankCard: testCard })
    const error = await rejectionOf(
      h.client.wallets.topUp({ walletId: wallet.id, amount: 1, bankCard: testCard, precheck: false }),
    )
    expect(error).toMatchObject({ code: 'limit_exceeded', details: { cap: 'balance', limit: 100_000_000 } })
    expect(h.balanceOf(wallet.id)).toBe(100_000_000)
  })

  it('enforces the WL02 annual cap (¥500,000, unconfirmed) across days, and resets it on 1 January', async () => {
    const wl02 = (mobile: string, name: string, serial: string, card: number) =>
      h.client.wallets.open({
        type: 'WT01',
        level: 'WL02',
        mobile,
        name,
        idNumber: residentId('19750101', serial),
        bankCard: { number: bankCard(card), holderName: name },
      })
    const payer = await wl02('13912340002', '孙八', '012', 4)
    const payee = await wl02('13912340003', '李四', '013', 5)
    h.setClock('2027-06-01T10:00:00+08:00')
    // Five days at the daily maximum (¥100,000, two single-cap transfers) use the whole annual cap.
    for (let day = 0; day < 5; day++) {
      await h.client.wallets.topUp({ walletId: payer.id, amount: 10_000_000 })
      for (let i = 0; i < 2; i++) {
        await h.client.transfers.create({ fromWalletId: payer.id, toWalletId: payee.id, amount: 5_000_000 })
      }
      h.advance(86_400_000)
    }
    await h.client.wallets.topUp({ walletId: payer.id, amount: 100 })
    const error = await rejectionOf(
      h.client.transfers.create({
        fromWalletId: payer.id,
        toWalletId: h.rails.engine.openWallet({ level: 'WL04', mobile: '13912340006' }).id,
        amount: 1,
        precheck: false,
      }),
    )
    expect(error).toMatchObject({ code: 'limit_exceeded', details: { cap: 'annual', limit: 50_000_000 } })
    h.setClock('2028-01-01T00:00:00+08:00')
    expect((await h.client.wallets.limits({ walletId: payer.id })).used.thisYear).toBe(0)
  })
})

describe('GB 11643 sets no lower bound on the birth year (DOMAIN.md §7)', () => {
  it('opens a real-name wallet for a holder born in 1880, as in the standard’s example', async () => {
    const idNumber = residentId('18800101', '123')
    expect(isValidResidentId(idNumber)).toBe(true)
    const wallet = await h.client.wallets.open({
      type: 'WT01',
      level: 'WL03',
      mobile: '13912340005',
      name: '周九',
      idNumber,
    })
    expect(wallet.level).toBe('WL03')
  })
})
