import { rejectionOf, useWalletRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { ccb2020WalletLimits } from '../../src/index.js'

// Operators set their own caps (DOMAIN.md §7): the rails take another operator's table as settings.
const ccb = useWalletRails({ levelCaps: ccb2020WalletLimits })

describe("CCB 2020's table as operator settings", () => {
  it('caps a WL04 payment at ¥500 and reports the annual cap of ¥10,000', async () => {
    const walletId = await ccb.openFunded(60_000)
    const limits = await ccb.client.wallets.limits({ walletId })
    expect(limits.caps).toEqual(ccb2020WalletLimits.WL04)
    const payee = ccb.rails.engine.openWallet({ level: 'WL04', mobile: '13912340004' })
    const error = await rejectionOf(
      ccb.client.transfers.create({
        fromWalletId: walletId,
        toWalletId: payee.id,
        amount: 50_001,
        precheck: false,
      }),
    )
    expect(error).toMatchObject({ code: 'limit_exceeded', details: { cap: 'single', limit: 50_000 } })
  })
})
