import { computeUsccCheckChar, createClient, type ServerCredentials } from '@ecny/sdk-core'
import { createMerchantClient } from '@ecny/sdk-merchant'

export type DemoWallets = {
  /** The signed-in user's personal wallet: WL04 (mobile only), ¥5,000 on it. */
  walletId: string
  /** A friend to send money to. */
  friendWalletId: string
  /** An active transfer-reward campaign: ¥0.88 back per transfer of ¥1 or more, 3 a day. */
  campaignId: string
}

/** An ISO 8601 time in Asia/Shanghai (+08:00), as the protocol writes them. */
function shanghaiIso(at: number): string {
  return `${new Date(at + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`
}

/**
 * What a wallet operator's backend would already have: a user's wallet (opened after KYC), a friend's,
 * and a bank's transfer-reward campaign funded from its corporate wallet. Made with the SDK over HTTP,
 * with server credentials, against the sandbox.
 */
export async function setupDemoWallets(options: {
  gatewayUrl: string
  credentials: ServerCredentials
}): Promise<DemoWallets> {
  const operator = createClient({ baseUrl: options.gatewayUrl, credentials: options.credentials })
  const bank = createMerchantClient({ baseUrl: options.gatewayUrl, credentials: options.credentials })

  const you = await operator.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13800001111' })
  await operator.wallets.topUp({ walletId: you.id, amount: 500_000, bankCard: '6222020000000007' })
  const friend = await operator.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13800002222' })

  const first17 = '91310000MA1K00001'
  const bankName = '演示银行股份有限公司'
  const organiser = await operator.wallets.open({
    type: 'WT09',
    entity: { legalName: bankName, uscc: `${first17}${computeUsccCheckChar(first17)}` },
    settlementAccount: { accountNo: '6100000000009999', accountName: bankName },
  })
  await operator.wallets.topUp({ walletId: organiser.id, amount: 1_000_000 })

  const now = Date.now()
  const draft = await bank.campaigns.create({
    organiserWalletId: organiser.id,
    rule: {
      type: 'transfer_reward',
      name: 'Transfer reward',
      amount: 88,
      minTransferAmount: 100,
      perWallet: { perDay: 3 },
      budget: { amount: 100_000 },
      validity: { from: shanghaiIso(now - 3_600_000), to: shanghaiIso(now + 30 * 86_400_000) },
    },
  })
  const campaign = await bank.campaigns.schedule({ campaignId: draft.id })
  return { walletId: you.id, friendWalletId: friend.id, campaignId: campaign.id }
}
