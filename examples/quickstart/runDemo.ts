/**
 * The quickstart story, through the public SDK only: a merchant onboards, two wallets pay it in
 * different ways, a transfer earns a reward, a refund, a payment over the cap, notifications, and
 * the day's reconciliation. `pnpm demo` runs it against an in-process sandbox on 127.0.0.1.
 */

import { startSandbox } from '@ecny/mock-rails'
import {
  computeResidentIdCheckChar,
  computeUsccCheckChar,
  createClient,
  EcnyError,
  formatYuan,
  maskWalletId,
  parseYuan,
} from '@ecny/sdk-core'
import {
  createMerchantClient,
  formatSummaryTable,
  type MerchantRecord,
  reconcileToReport,
} from '@ecny/sdk-merchant'
import { startNotificationReceiver } from './notificationReceiver.js'
import { createStory, type Story } from './story.js'

const yuan = (fen: number) => `¥${formatYuan(fen, { grouping: true })}`
const legalName = '上海示例咖啡有限公司'
const uscc = (() => {
  const first17 = '91310115MA1K4ABC3'
  return `${first17}${computeUsccCheckChar(first17)}`
})()
const idNumber = (() => {
  const first17 = '31011519900307123'
  return `${first17}${computeResidentIdCheckChar(first17)}`
})()
const card = '6222020000000007'

/** Today's date in Asia/Shanghai, the statement day. */
function shanghaiDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)
}

export type DemoResult = {
  steps: number
  notificationsApplied: number
  reconciliation: Awaited<ReturnType<typeof reconcileToReport>>['summary']
  overLimitError: EcnyError
  reward: { granted: boolean; amount?: number | undefined; reason?: string | null | undefined }
}

export async function runDemo(story: Story = createStory()): Promise<DemoResult> {
  story.step('Start the sandbox gateway (in-process, loopback only)')
  const sandbox = await startSandbox({ log: false })
  const receiver = await startNotificationReceiver(sandbox.url)
  story.say(`gateway ${sandbox.url} · notifications to ${receiver.url}`)
  try {
    const config = { baseUrl: sandbox.url, credentials: sandbox.credentials }
    const wallets = createClient(config)
    const platform = createMerchantClient(config)
    const books: MerchantRecord[] = []

    story.step('Onboard a merchant: application, documents, review')
    const settlement = await wallets.wallets.open({
      type: 'WT09',
      entity: { legalName, uscc },
      settlementAccount: { accountNo: '310066771018010123456', accountName: legalName },
    })
    const draft = await platform.onboarding.createApplication({
      legalName,
      uscc,
      mcc: '5814',
      legalRepresentative: { name: '王芳', idType: 'IT01', idNumber },
      contactMobile: '13912345678',
      settlementWalletId: settlement.id,
      notifyUrl: receiver.url,
    })
    for (const type of ['business_licence', 'legal_rep_id', 'account_proof'] as const) {
      await platform.onboarding.uploadDocument({
        merchantId: draft.id,
        type,
        contentType: 'application/pdf',
        content: new TextEncoder().encode(`%PDF-1.4 ${type} of ${legalName}`),
      })
    }
    const reviewed = await platform.onboarding.submit({ merchantId: draft.id })
    story.say(`${reviewed.legalName} (USCC ${reviewed.uscc}) → ${reviewed.status}`)
    const merchant = createMerchantClient({ ...config, merchantId: reviewed.id })
    const store = await merchant.onboarding.createScene({
      kind: 'retail',
      name: '陆家嘴店',
      areaCode: '310115',
      store: { address: '上海市浦东新区陆家嘴环路1000号' },
    })
    const metro = await merchant.onboarding.createScene({
      kind: 'transit',
      name: '地铁2号线',
      areaCode: '310115',
      lines: [{ id: 'L2', name: '2号线' }],
      stations: [
        { id: 'LJZ', name: '陆家嘴', lineIds: ['L2'] },
        { id: 'DCL', name: '东昌路', lineIds: ['L2'] },
      ],
      gates: [
        { id: 'GATE0001', stationId: 'LJZ' },
        { id: 'GATE0002', stationId: 'DCL' },
      ],
      offlineTaps: { enabled: true, maxAmount: parseYuan('20') },
    })
    story.say(`scenes: ${store.kind} "${store.name}", ${metro.kind} "${metro.name}"`)

    story.step('Open a WL04 and a WL02 wallet and top them up')
    const anonymous = await wallets.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13812341234' })
    const realName = await wallets.wallets.open({
      type: 'WT01',
      level: 'WL02',
      mobile: '13698765432',
      name: '李雷',
      idNumber,
      bankCard: { number: card, holderName: '李雷' },
    })
    await wallets.wallets.topUp({ walletId: anonymous.id, amount: parseYuan('3000'), bankCard: card })
    await wallets.wallets.topUp({ walletId: realName.id, amount: parseYuan('20000') })
    for (const w of [anonymous, realName]) {
      const limits = await wallets.wallets.limits({ walletId: w.id })
      story.say(
        `${w.level} ${maskWalletId(w.id)}: balance ${yuan(limits.balance)}, single-payment cap ${
          limits.caps.single === null ? 'none' : yuan(limits.caps.single)
        }`,
      )
    }

    story.step('Pay a QR order (merchant shows the code, the customer scans and pays)')
    const latte = await merchant.orders.create({
      mode: 'qr',
      merchantOrderNo: 'LJZ-0001',
      amount: parseYuan('32.50'),
      description: '拿铁 Latte',
      sceneId: store.id,
    })
    const scanned = await wallets.payments.resolveQr({ payload: latte.qrPayload! })
    story.say(`scanned: ${scanned.merchantName} asks ${yuan(scanned.amount)} for "${scanned.description}"`)
    await wallets.payments.pay({ orderId: scanned.orderId, walletId: anonymous.id, amount: scanned.amount })
    const paidLatte = await merchant.orders.waitForFinal({ orderId: latte.id })
    books.push({
      recordType: 'order',
      merchantOrderNo: 'LJZ-0001',
      amount: paidLatte.amount,
      status: 'succeeded',
    })
    story.say(`order ${paidLatte.merchantOrderNo} → ${paidLatte.status}`)

    story.step('Pay by customer-presented code (the till scans the wallet’s payment code)')
    const code = await wallets.payments.createPaymentCode({ walletId: realName.id })
    story.say(`payment code ${code.code.slice(0, 4)}…${code.code.slice(-4)}, valid until ${code.expiresAt}`)
    const beans = await merchant.orders.create({
      mode: 'payment_code',
      merchantOrderNo: 'LJZ-0002',
      amount: parseYuan('168.00'),
      description: '咖啡豆 Coffee beans',
      paymentCode: code.code,
      sceneId: store.id,
    })
    books.push({
      recordType: 'order',
      merchantOrderNo: 'LJZ-0002',
      amount: beans.amount,
      status: 'succeeded',
    })
    story.say(`order ${beans.merchantOrderNo} → ${beans.status} (${yuan(beans.amount)})`)

    story.step('Make a transfer that earns a transfer reward (转账有礼)')
    // The merchant funds the campaign budget from its own corporate wallet.
    await wallets.wallets.topUp({ walletId: settlement.id, amount: parseYuan('1000') })
    const now = Date.now()
    const campaign = await merchant.campaigns.create({
      organiserWalletId: settlement.id,
      rule: {
        type: 'transfer_reward',
        name: '转账有礼 · 每日一次',
        amount: parseYuan('5'),
        minTransferAmount: parseYuan('10'),
        budget: { amount: parseYuan('500') },
        perWallet: { perDay: 1 },
        validity: {
          from: new Date(now - 60_000).toISOString(),
          to: new Date(now + 86_400_000).toISOString(),
        },
      },
    })
    await merchant.campaigns.schedule({ campaignId: campaign.id })
    const transfer = await wallets.transfers.create({
      fromWalletId: realName.id,
      toWalletId: anonymous.id,
      amount: parseYuan('88.00'),
      memo: '午饭 lunch',
      campaignId: campaign.id,
    })
    const reward = transfer.reward ?? { granted: false, reason: 'no reward' }
    story.say(
      `sent ${yuan(transfer.amount)} → reward ${reward.granted ? `granted: ${yuan(reward.amount ?? 0)}` : `not granted (${reward.reason})`}`,
    )
    const again = await wallets.transfers.create({
      fromWalletId: realName.id,
      toWalletId: anonymous.id,
      amount: parseYuan('20.00'),
      campaignId: campaign.id,
    })
    story.say(
      `a second transfer today → ${again.reward?.granted ? 'rewarded' : `no reward (${again.reward?.reason})`}`,
    )

    story.step('Refund part of an order')
    const refund = await merchant.refunds.create({
      orderId: beans.id,
      merchantRefundNo: 'LJZ-0002-R1',
      amount: parseYuan('68.00'),
      reason: '一袋退货 one bag returned',
    })
    books.push({
      recordType: 'refund',
      merchantRefundNo: 'LJZ-0002-R1',
      amount: refund.amount,
      status: 'succeeded',
    })
    const afterRefund = await merchant.orders.get({ orderId: beans.id })
    story.say(`refund ${yuan(refund.amount)} → ${refund.status}; order now ${afterRefund.status}`)

    story.step('Try a payment over the WL04 single-payment cap')
    const tv = await merchant.orders.create({
      mode: 'qr',
      merchantOrderNo: 'LJZ-0003',
      amount: parseYuan('2000.01'),
      description: '咖啡机 Espresso machine',
      sceneId: store.id,
    })
    let overLimitError: EcnyError | undefined
    try {
      await wallets.payments.pay({ orderId: tv.id, walletId: anonymous.id, amount: tv.amount })
    } catch (error) {
      if (!(error instanceof EcnyError)) throw error
      overLimitError = error
      story.say(`refused before sending: ${error.code}`)
      story.say(error.shortMessage)
    }
    if (!overLimitError) throw new Error('the over-cap payment was not refused')
    await merchant.orders.close({ orderId: tv.id })
    books.push({ recordType: 'order', merchantOrderNo: 'LJZ-0003', amount: tv.amount, status: 'failed' })

    story.step('Receive and verify the notifications')
    await sandbox.rails.notifications.deliverDue()
    const types = receiver.applied.map((event) => event.type)
    story.say(`${receiver.applied.length} verified and applied once: ${[...new Set(types)].join(', ')}`)

    story.step("Reconcile the day's statement")
    const report = await reconcileToReport(
      merchant.statements.download({ date: shanghaiDate(sandbox.rails.clock.now()) }),
      books,
    )
    for (const line of formatSummaryTable(report).split('\n')) story.say(line)

    return {
      steps: story.steps,
      notificationsApplied: receiver.applied.length,
      reconciliation: report.summary,
      overLimitError,
      reward,
    }
  } finally {
    await receiver.close()
    await sandbox.close()
  }
}
