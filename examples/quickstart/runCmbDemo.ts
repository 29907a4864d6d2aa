/**
 * The merchant story over CMB 聚合收单's wire format (`pnpm demo -- --dialect cmb`): the same
 * `createMerchantClient` actions, spoken as CMB's SM2-signed envelope through `cmb({...})`, against
 * the CMB-dialect sandbox on 127.0.0.1. The customers' wallets use the reference wallet API of the
 * same rails, as a wallet app would.
 */

import { type CmbTestCredentials, startSandbox } from '@ecny/mock-rails'
import { cmb, cmbBasePath } from '@ecny/operator-cmb'
import type { Order, Refund } from '@ecny/protocol'
import { createClient, formatYuan, maskWalletId, parseYuan } from '@ecny/sdk-core'
import {
  createMerchantClient,
  formatSummaryTable,
  type MerchantRecord,
  reconcileToReport,
} from '@ecny/sdk-merchant'
import { type AppliedCmbEvent, startCmbNotificationReceiver } from './cmbNotificationReceiver.js'
import { createStory, type Story } from './story.js'

const yuan = (fen: number) => `¥${formatYuan(fen, { grouping: true })}`

/** Today's date in Asia/Shanghai, the statement day. */
function shanghaiDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)
}

export type CmbDemoResult = {
  steps: number
  /** Every request the gateway answered, as `METHOD /path status`. */
  gatewayRequests: string[]
  credentials: CmbTestCredentials
  walletId: string
  /** The QR order as the SDK saw it paid, and as the rails have it at the end. */
  qrOrder: Order
  railsQrOrder: Order
  /** The gateway's delivery attempts of the QR order's payment notification. */
  paymentNotificationAttempts: Array<{ ok: boolean }>
  applied: AppliedCmbEvent[]
  repeatsIgnored: number
  refund: Refund
  codeOrder: Order
  reversed: Order
  walletBalance: { start: number; end: number }
  booksCount: number
  reconciliation: Awaited<ReturnType<typeof reconcileToReport>>['summary']
}

export async function runCmbDemo(story: Story = createStory()): Promise<CmbDemoResult> {
  story.step('Start the CMB 聚合收单 sandbox gateway (in-process, loopback only)')
  const gatewayRequests: string[] = []
  const sandbox = await startSandbox({
    dialect: 'cmb',
    log: (line) => gatewayRequests.push(line.replace(/ \d+ms .*$/, '')),
    // Notifications go out in the delivery rounds the story drives, so every run prints the same.
    notificationIntervalMs: 3_600_000,
  })
  const credentials = sandbox.cmb!
  const operator = cmb({ ...credentials, environment: sandbox.url })
  const receiver = await startCmbNotificationReceiver(operator)
  story.say(`gateway ${sandbox.url}${cmbBasePath} · notifications to ${receiver.url}`)
  try {
    story.step('Configure the CMB operator: createMerchantClient({ operator: cmb({...}) })')
    const merchant = createMerchantClient({ operator })
    story.say(
      `merId ${credentials.merId} · appId ${credentials.appId.slice(0, 8)}… (secret and SM2 key stay here)`,
    )
    story.say(`CMB's SM2 public key ${credentials.gatewayPublicKey.slice(0, 24)}…: verifies every answer`)
    const books: MerchantRecord[] = []

    story.step('A customer opens a wallet and tops it up (wallet app, same rails)')
    const wallets = createClient({ baseUrl: sandbox.url, credentials: sandbox.credentials })
    const wallet = await wallets.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13812341234' })
    await wallets.wallets.topUp({
      walletId: wallet.id,
      amount: parseYuan('500'),
      bankCard: '6222020000000007',
    })
    const start = (await wallets.wallets.limits({ walletId: wallet.id })).balance
    story.say(`${maskWalletId(wallet.id)}: balance ${yuan(start)}`)

    story.step('QR order (ecny/unifiedOrder): the customer scans and pays')
    const created = await merchant.orders.create({
      mode: 'qr',
      merchantOrderNo: 'CMB-0001',
      amount: parseYuan('32.50'),
      description: '拿铁 Latte',
      notifyUrl: receiver.url,
    })
    story.say(`order ${created.merchantOrderNo} → ${created.status}, QR ${created.qrPayload?.slice(0, 24)}…`)
    const scanned = await wallets.payments.resolveQr({ payload: created.qrPayload! })
    await wallets.payments.pay({ orderId: scanned.orderId, walletId: wallet.id, amount: scanned.amount })
    const qrOrder = await merchant.orders.waitForFinal({ orderId: created.id })
    books.push({
      recordType: 'order',
      merchantOrderNo: qrOrder.merchantOrderNo,
      amount: qrOrder.amount,
      status: 'succeeded',
    })
    story.say(`order ${qrOrder.merchantOrderNo} → ${qrOrder.status} (orderquery, ${yuan(qrOrder.amount)})`)

    story.step("Receive CMB's form notification: verify with CMB's key, apply once, answer the signed ack")
    await credentials.door.notifications.deliverDue()
    const record = credentials.door.notifications
      .list()
      .find((r) => new URLSearchParams(r.body).get('orderId') === qrOrder.merchantOrderNo)
    if (!record) throw new Error(`no notification was queued for ${qrOrder.merchantOrderNo}`)
    story.say(
      `${receiver.applied.map((event) => `${event.type} ${event.number}`).join(', ')}: ${record.attempts.length} delivery, ack ${record.status}`,
    )
    // CMB sends again when it misses an ack: the same form, acknowledged, not applied twice.
    await fetch(receiver.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: record.body,
    })
    story.say(`the same notification again → acknowledged, ignored (${receiver.repeatsIgnored()} repeat)`)

    story.step('Refund part of the order (refund)')
    const refund = await merchant.refunds.create({
      orderId: qrOrder.id,
      merchantRefundNo: 'CMB-0001-R1',
      amount: parseYuan('12.50'),
      reason: '少糖 wrong sugar',
    })
    books.push({
      recordType: 'refund',
      merchantRefundNo: refund.merchantRefundNo,
      amount: refund.amount,
      status: 'succeeded',
    })
    const afterRefund = await merchant.orders.get({ orderId: qrOrder.id })
    story.say(
      `refund ${yuan(refund.amount)} → ${refund.status}; order now ${afterRefund.status}, ${yuan(afterRefund.refundedAmount)} refunded`,
    )

    story.step('Pay by customer-presented code (pay): the till scans the wallet’s code')
    const code = await wallets.payments.createPaymentCode({ walletId: wallet.id })
    const codeOrder = await merchant.orders.create({
      mode: 'payment_code',
      merchantOrderNo: 'CMB-0002',
      amount: parseYuan('18.00'),
      description: '可颂 Croissant',
      paymentCode: code.code,
      terminalId: 'LJZ00001',
      notifyUrl: receiver.url,
    })
    story.say(
      `order ${codeOrder.merchantOrderNo} → ${codeOrder.status} (${yuan(codeOrder.amount)}, terminal info SM4-encrypted)`,
    )

    story.step('Reverse the customer-code payment (cancel): the customer changed their mind')
    const reversed = await merchant.orders.cancel({ orderId: codeOrder.id })
    books.push({
      recordType: 'order',
      merchantOrderNo: reversed.merchantOrderNo,
      amount: reversed.amount,
      status: 'failed',
    })
    story.say(`order ${reversed.merchantOrderNo} → ${reversed.status}`)

    story.step('Receive the remaining notifications')
    const before = receiver.applied.length
    await credentials.door.notifications.deliverDue()
    for (const event of receiver.applied.slice(before))
      story.say(`${event.type} ${event.number}: verified, applied once`)

    story.step("Reconcile the day's statement (statementurl)")
    const report = await reconcileToReport(
      merchant.statements.download({ date: shanghaiDate(sandbox.rails.clock.now()) }),
      books,
    )
    for (const line of formatSummaryTable(report).split('\n')) story.say(line)
    const end = (await wallets.wallets.limits({ walletId: wallet.id })).balance
    story.say(`customer's wallet: ${yuan(start)} → ${yuan(end)}`)

    return {
      steps: story.steps,
      gatewayRequests,
      credentials,
      walletId: wallet.id,
      qrOrder,
      railsQrOrder: sandbox.rails.engine.findOrderByMerchantOrderNo(
        credentials.merchantId,
        qrOrder.merchantOrderNo,
      ) as Order,
      paymentNotificationAttempts: record.attempts.map((attempt) => ({ ok: attempt.ok })),
      applied: receiver.applied,
      repeatsIgnored: receiver.repeatsIgnored(),
      refund,
      codeOrder,
      reversed,
      walletBalance: { start, end },
      booksCount: books.length,
      reconciliation: report.summary,
    }
  } finally {
    await receiver.close()
    await sandbox.close()
  }
}
