/**
 * The sandbox dashboard (`/dashboard`) in a real browser (Debian's Chromium through playwright-core),
 * watching a story told through the real SDK: wallets opened and topped up, an order paid and part
 * refunded, a transfer, a campaign spending its budget, a notification whose first delivery fails
 * and which the developer resends from the page, the rails' clock moved a day. The page is opened
 * once and never reloaded: each step must appear on its own (the page reads the rails every second).
 * Then the page is switched to English. Screenshots of each step go to test-artifacts/dashboard/.
 */
import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { createClient, formatYuan, type Order, parseYuan } from '@ecny/sdk-core'
import { createMerchantClient } from '@ecny/sdk-merchant'
import { type MerchantReceiver, startNodeReceiver } from '@ecny/test-utils'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type ChromiumSession, launchChromium } from '../support/chromium.js'

let sandbox: Sandbox
let receiver: MerchantReceiver
let browser: ChromiumSession
let page: Page
const pageErrors: string[] = []

/** What the dashboard shows for an amount in fen: `¥12.50`. */
const shown = (fen: number) => `¥${formatYuan(fen)}`
const section = (id: string) => page.locator(`#${id}`)
/** The table row of a section that contains `text`. */
const row = (id: string, text: string) => section(id).locator('tr', { hasText: text })

beforeAll(async () => {
  sandbox = await startSandbox({ log: false })
  sandbox.rails.notifications.stopAutomatic() // deliveries happen when the story says so
  receiver = await startNodeReceiver({
    gatewayKeys: `${sandbox.url}/.well-known/jwks.json`,
    now: () => sandbox.rails.clock.now(),
  })
  browser = await launchChromium({ artifacts: 'dashboard', viewport: { width: 1280, height: 900 } })
  page = browser.page
  page.setDefaultTimeout(20_000)
  page.on('pageerror', (error) => pageErrors.push(error.message))
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await receiver?.close()
  await sandbox?.close()
})

it('shows a story live, lets the developer resend a failed notification, and speaks Chinese and English', async () => {
  const config = { baseUrl: sandbox.url, credentials: sandbox.credentials, logLevel: 'silent' as const }
  const holder = createClient(config)
  const merchant = createMerchantClient({ ...config, merchantId: sandbox.merchantId })

  await page.goto(`${sandbox.url}/dashboard`)
  await expect.poll(() => page.locator('#status').textContent()).toBe('实时')
  expect(await page.getAttribute('html', 'lang')).toBe('zh-CN')
  await expect.poll(() => section('ledger').textContent()).toContain('✓ 平衡')

  // 1. Two wallets opened and one topped up: balances appear (ids masked).
  const alice = await holder.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13900001111' })
  const bob = await holder.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13900002222' })
  const topUp = parseYuan('300')
  await holder.wallets.topUp({ walletId: alice.id, amount: topUp, bankCard: '6222020000000007' })
  const masked = (id: string) => `${id.slice(0, 6)}******${id.slice(-4)}`
  await expect.poll(() => row('wallets', masked(alice.id)).textContent()).toContain(shown(topUp))
  await expect.poll(() => row('wallets', masked(bob.id)).textContent()).toContain(shown(0))
  expect(await section('wallets').textContent()).not.toContain(alice.id)
  await browser.screenshot('01-zh-wallets')

  // 2. An order paid from the wallet, then part refunded.
  const order = await merchant.orders.create({
    mode: 'qr',
    merchantOrderNo: 'DASH-0001',
    amount: parseYuan('12.50'),
    description: '拿铁 latte',
    notifyUrl: receiver.url,
  })
  await expect.poll(() => row('orders', 'DASH-0001').textContent()).toContain('created')
  await holder.payments.pay({ orderId: order.id, walletId: alice.id, amount: order.amount })
  const paid: Order = await merchant.orders.get({ orderId: order.id })
  expect(paid.status).toBe('succeeded')
  await expect.poll(() => row('orders', 'DASH-0001').textContent()).toContain('succeeded')
  expect(await row('orders', 'DASH-0001').textContent()).toContain(shown(paid.paidAmount))
  const refund = await merchant.refunds.create({
    orderId: order.id,
    merchantRefundNo: 'DASH-0001-R1',
    amount: parseYuan('2.50'),
    reason: '少糖 less sugar',
  })
  await expect.poll(() => row('refunds', refund.id).textContent()).toContain(shown(refund.amount))
  await expect.poll(() => row('orders', 'DASH-0001').textContent()).toContain('partially_refunded')
  expect(await row('refunds', refund.id).textContent()).toContain('少糖 less sugar')

  // 3. A transfer that earns a campaign reward: the transfer and the budget's burn-down appear.
  const settlementWalletId = sandbox.rails.engine.getMerchant(sandbox.merchantId).settlementWalletId as string
  await holder.wallets.topUp({ walletId: settlementWalletId, amount: parseYuan('100') })
  const now = sandbox.rails.clock.now()
  const campaign = await merchant.campaigns.create({
    organiserWalletId: settlementWalletId,
    rule: {
      type: 'transfer_reward',
      name: '转账有礼 dashboard',
      amount: parseYuan('5'),
      minTransferAmount: parseYuan('10'),
      budget: { amount: parseYuan('50') },
      perWallet: { perDay: 1 },
      validity: {
        from: new Date(now - 60_000).toISOString(),
        to: new Date(now + 7 * 86_400_000).toISOString(),
      },
    },
  })
  await merchant.campaigns.schedule({ campaignId: campaign.id })
  const transfer = await holder.transfers.create({
    fromWalletId: alice.id,
    toWalletId: bob.id,
    amount: parseYuan('20'),
    memo: '午饭 lunch',
    campaignId: campaign.id,
  })
  expect(transfer.reward?.granted).toBe(true)
  await expect.poll(() => row('transfers', transfer.id).textContent()).toContain(shown(transfer.amount))
  const rewarded = await merchant.campaigns.get({ campaignId: campaign.id })
  const spent = rewarded.budget.spent
  expect(spent).toBe(transfer.reward?.amount)
  await expect
    .poll(() => row('campaigns', campaign.id).textContent())
    .toContain(`已用 ${shown(spent)} · 剩余 ${shown(rewarded.budget.remaining)}`)
  const barWidth = await row('campaigns', campaign.id)
    .locator('.bar .spent')
    .evaluate((node) => node.style.width)
  expect(barWidth).toBe(`${Math.round((100 * spent) / parseYuan('50'))}%`)
  const bobBalance = (await holder.wallets.balance({ walletId: bob.id })).available
  await expect.poll(() => row('wallets', masked(bob.id)).textContent()).toContain(shown(bobBalance))
  await browser.screenshot('02-zh-orders-transfers-campaign')

  // 4. The notifications go out; the merchant's server fails the first one (its database is down).
  receiver.failNext(1)
  const first = await sandbox.rails.notifications.deliverDue()
  expect(first.failed).toBe(1)
  const failed = sandbox.rails.notifications.list().find((record) => record.status !== 'delivered')!
  const notificationRow = row('notifications', failed.id)
  await expect
    .poll(() => notificationRow.locator('li[data-attempt="1"]').getAttribute('class'))
    .toBe('failed')
  expect(await notificationRow.locator('li[data-attempt="1"]').textContent()).toContain('HTTP 500')
  await browser.screenshot('03-zh-notification-failed')

  // …and the developer presses resend on the page: the second attempt is delivered and applied once.
  await notificationRow.locator(`button.resend[data-id="${failed.id}"]`).click()
  await expect.poll(() => notificationRow.locator('li[data-attempt="2"]').getAttribute('class')).toBe('ok')
  await expect.poll(() => notificationRow.locator('.badge').textContent()).toBe('delivered')
  expect(receiver.applied.get(failed.id)).toBe(1)
  await browser.screenshot('04-zh-notification-resent')

  // 5. The rails' clock moves a day (the test controls, as `ecny-sandbox clock advance 1d` does): the page follows.
  const shanghaiDay = (timestamp: string | null) => String(timestamp).slice(0, 10)
  const today = shanghaiDay(await page.locator('#clock').textContent())
  sandbox.rails.testControls.advanceClock(86_400)
  const tomorrow = shanghaiDay(sandbox.rails.testControls.clock().now)
  expect(tomorrow).not.toBe(today)
  await expect.poll(async () => shanghaiDay(await page.locator('#clock').textContent())).toBe(tomorrow)
  await expect.poll(() => section('ledger').textContent()).toContain('✓ 平衡')

  // 6. English: the same state, in the other language, without reloading.
  await page.locator('[data-lang=en]').click()
  expect(await page.getAttribute('html', 'lang')).toBe('en')
  await expect.poll(() => page.locator('#status').textContent()).toBe('live')
  expect(await page.locator('h2[data-i18n=wallets]').textContent()).toBe('Wallets and balances')
  expect(await row('campaigns', campaign.id).textContent()).toContain(`Spent ${shown(spent)}`)
  expect(await section('ledger').textContent()).toContain('✓ Balanced')
  expect(await notificationRow.locator(`button.resend[data-id="${failed.id}"]`).textContent()).toBe('Resend')
  await browser.screenshot('05-en-dashboard')

  expect(pageErrors).toEqual([])
}, 300_000)
