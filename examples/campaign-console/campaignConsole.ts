import {
  type CampaignStats,
  type CreateTransferReturnType,
  computeUsccCheckChar,
  createClient,
  formatYuan,
  maskWalletId,
  type ServerCredentials,
} from '@ecny/sdk-core'
import { createMerchantClient, type EstimateCampaignAudienceReturnType } from '@ecny/sdk-merchant'

export type CampaignConsoleOptions = {
  gatewayUrl: string
  /** The bank's server credentials (its wallet backend and its campaign administration). */
  credentials: ServerCredentials
  print?: (line: string) => void
}

export type CampaignConsoleResult = {
  campaignId: string
  estimate: EstimateCampaignAudienceReturnType
  transfers: { who: string; transfer: CreateTransferReturnType }[]
  stats: CampaignStats
}

const yuan = (fen: number) => `¥${formatYuan(fen, { grouping: true })}`

/** ISO 8601 in Asia/Shanghai (+08:00). */
function shanghaiIso(at: number): string {
  return `${new Date(at + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`
}

/**
 * A bank's marketing console, end to end: customers with tags, a transfer-reward campaign (转账有礼)
 * for payroll customers who are not staff, its audience sized before launch, scheduled (it starts
 * at once because its window has begun), transfers that earn rewards — and some that do not, with
 * the reason — and the campaign's stats, which agree with the ledger.
 */
export async function runCampaignConsole(options: CampaignConsoleOptions): Promise<CampaignConsoleResult> {
  const print = options.print ?? ((line: string) => console.log(line))
  const walletBackend = createClient({ baseUrl: options.gatewayUrl, credentials: options.credentials })
  const admin = createMerchantClient({ baseUrl: options.gatewayUrl, credentials: options.credentials })

  // The bank's corporate wallet funds the budget.
  const first17 = '91310000MA1K00007'
  const bankName = '示例银行股份有限公司'
  const organiser = await walletBackend.wallets.open({
    type: 'WT09',
    entity: { legalName: bankName, uscc: `${first17}${computeUsccCheckChar(first17)}` },
    settlementAccount: { accountNo: '6100000000007777', accountName: bankName },
  })
  await walletBackend.wallets.topUp({ walletId: organiser.id, amount: 5_000_000 })

  // Customers, tagged by the bank's CRM.
  const customers = [
    { who: 'Wang (payroll)', mobile: '13500000001', tags: ['payroll'] },
    { who: 'Zhao (payroll, new)', mobile: '13500000002', tags: ['payroll', 'new_wallet'] },
    { who: 'Sun (payroll, staff)', mobile: '13500000003', tags: ['payroll', 'staff'] },
    { who: 'Zhou (new)', mobile: '13500000004', tags: ['new_wallet'] },
  ]
  const wallets: Record<string, string> = {}
  for (const customer of customers) {
    const wallet = await walletBackend.wallets.open({
      type: 'WT01',
      level: 'WL04',
      mobile: customer.mobile,
      tags: customer.tags,
    })
    await walletBackend.wallets.topUp({ walletId: wallet.id, amount: 100_000, bankCard: '6222020000000007' })
    wallets[customer.who] = wallet.id
  }

  // 1. Design: a draft, validated locally (rule and audience syntax) before it is sent.
  const now = Date.now()
  const draft = await admin.campaigns.create({
    organiserWalletId: organiser.id,
    rule: {
      type: 'transfer_reward',
      name: 'Payroll transfer reward',
      amount: 520, // ¥5.20 per qualifying transfer
      minTransferAmount: 5_000, // from ¥50
      perWallet: { perDay: 1 },
      budget: { amount: 200_000, count: 300 },
      validity: { from: shanghaiIso(now - 60_000), to: shanghaiIso(now + 14 * 86_400_000) },
      audience: 'payroll & !staff',
    },
  })
  print(`Draft ${draft.id} "${draft.name}" (${draft.status}), audience: ${draft.audience}`)

  // 2. Size the audience: on the gateway's wallets, and on the bank's own customer list.
  const estimate = await admin.campaigns.estimateAudience({
    campaignId: draft.id,
    audience: 'payroll & !staff',
    customers,
  })
  print(
    `Audience "${estimate.local.expression}": ${estimate.count} of ${estimate.total} wallets on the gateway; ` +
      `${estimate.local.count} of ${estimate.local.total} in the CRM list.`,
  )
  const wider = await admin.campaigns.estimateAudience({
    campaignId: draft.id,
    audience: 'payroll | new_wallet',
  })
  print(`  (for comparison, "${wider.expression}" would reach ${wider.count} of ${wider.total})`)

  // 3. Schedule: the window has begun, so it is funded from the organiser's wallet and active at once.
  const scheduled = await admin.campaigns.schedule({ campaignId: draft.id })
  print(`Scheduled → ${scheduled.status}; budget funded ${yuan(scheduled.budget.funded)}`)

  // 4. Customers send money with the campaign id (as their wallet app would after listing eligible campaigns).
  const friend = wallets['Zhou (new)']!
  const transfers: CampaignConsoleResult['transfers'] = []
  async function send(who: string, amount: number, memo: string) {
    const transfer = await walletBackend.transfers.create({
      fromWalletId: wallets[who]!,
      toWalletId: friend,
      amount,
      memo,
      campaignId: scheduled.id,
    })
    transfers.push({ who, transfer })
    const reward = transfer.reward
    const outcome = reward?.granted
      ? `reward ${yuan(reward.amount ?? 0)}`
      : `no reward (${reward?.reason ?? 'none'})`
    print(`  ${who.padEnd(22)} → ${maskWalletId(friend)}  ${yuan(amount).padStart(8)}  ${outcome}`)
  }
  print('Transfers:')
  await send('Wang (payroll)', 8_800, 'Rent share')
  await send('Zhao (payroll, new)', 6_600, 'Dinner')
  await send('Sun (payroll, staff)', 8_800, 'Gift') // staff: outside the audience
  await send('Wang (payroll)', 9_900, 'Taxi') // second one today: perDay cap
  await send('Zhao (payroll, new)', 6_600, 'Coffee') // same
  const eligible = await walletBackend.campaigns.eligible({ walletId: wallets['Wang (payroll)']! })
  print(`Eligible campaigns for Wang now: ${eligible.length} (the daily cap is used)`)

  // 5. Watch it.
  const stats = await admin.campaigns.stats({ campaignId: scheduled.id })
  print(
    `Stats: ${stats.status}, reach ${stats.reach} wallets, ${stats.claims.granted} rewards, ` +
      `paid out ${yuan(stats.amount.paidOut)}, ${yuan(stats.amount.remaining)} left ` +
      `(ledger ${stats.ledger.account}: ${yuan(stats.ledger.balance)})`,
  )
  return { campaignId: scheduled.id, estimate, transfers, stats }
}
