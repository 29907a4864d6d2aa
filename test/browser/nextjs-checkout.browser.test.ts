/**
 * The Next.js example (examples/nextjs-checkout) as a merchant deploys it: `next build`, then
 * `next start` on 127.0.0.1, against a sandbox that delivers every notification twice. The app uses
 * the built SDK packages (workspace dependencies, `pnpm build` first), not their sources. Debian's
 * Chromium, driven by playwright-core, takes the checkout; a sandbox wallet pays the QR it shows.
 * Screenshots go to test-artifacts/nextjs-checkout/.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { createClient } from '@ecny/sdk-core'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gatewayEnv } from '../../examples/nextjs-checkout/lib/gateway.js'
import type { Delivery, ShopOrder } from '../../examples/nextjs-checkout/lib/shopBook.js'
import { type ChromiumSession, launchChromium } from '../support/chromium.js'
import { type NextApp, nextBuild, nextStart } from './nextjsApp.js'

const appDir = resolve(import.meta.dirname, '../../examples/nextjs-checkout')

type OrderRecord = { order: ShopOrder; deliveries: Delivery[] }

async function shopRecord(appUrl: string, orderId: string): Promise<OrderRecord> {
  return (await (await fetch(`${appUrl}/api/orders/${orderId}`)).json()) as OrderRecord
}

let sandbox: Sandbox
let app: NextApp
let browser: ChromiumSession
let page: Page
const pageErrors: string[] = []
const timings: Record<string, number> = {}

async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now()
  try {
    return await work()
  } finally {
    timings[name] = Math.round(performance.now() - started)
  }
}

beforeAll(async () => {
  for (const pkg of ['sdk-core', 'sdk-merchant', 'sdk-react'])
    if (!existsSync(resolve(import.meta.dirname, `../../packages/${pkg}/dist/index.js`)))
      throw new Error(
        `packages/${pkg}/dist is missing: run \`pnpm build\` first (the app uses the built SDK).`,
      )
  // Every notification is delivered twice: the shop must apply it once.
  sandbox = await startSandbox({ log: false, seed: 'nextjs-checkout', faults: { duplicateNotifications: 1 } })
  await timed('next build', () => nextBuild(appDir))
  app = await timed('next start', () =>
    nextStart(appDir, gatewayEnv({ ...sandbox, credentials: sandbox.credentials })),
  )
  browser = await launchChromium({ artifacts: 'nextjs-checkout', viewport: { width: 900, height: 760 } })
  page = browser.page
  page.setDefaultTimeout(30_000)
  page.on('pageerror', (error) => pageErrors.push(error.message))
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await app?.stop()
  await sandbox?.close()
  console.log(`nextjs-checkout timings (ms): ${JSON.stringify(timings)}`)
})

describe('Next.js checkout (next build + next start) in Chromium', () => {
  it('in 中文 by default: shows the QR of the order the server action created, is paid, shows paid, and applied the notification once', async () => {
    await page.goto(app.url)
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN')
    await page.getByLabel('金额（元）').fill('66.60')
    await page.getByRole('button', { name: '用数字人民币支付' }).click()

    const qr = page.getByTestId('payment-qr')
    await qr.waitFor()
    await expect
      .poll(() => page.getByRole('img', { name: '数字人民币付款二维码，金额 66.60 元' }).count())
      .toBe(1)
    expect(await page.getByTestId('checkout-status').textContent()).toBe('等待支付')
    const orderId = await qr.getAttribute('data-order-id')
    const payload = await qr.getAttribute('data-payload')
    expect(orderId).toMatch(/\S/)
    await browser.screenshot('01-checkout-qr')

    // A customer's wallet app scans the code and pays it.
    const walletApp = createClient({ baseUrl: sandbox.url, credentials: sandbox.credentials })
    const payer = await walletApp.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13900006666' })
    await walletApp.wallets.topUp({ walletId: payer.id, amount: 10_000, bankCard: '6222020000000007' })
    const resolved = await walletApp.payments.resolveQr({ payload: payload! })
    expect(resolved).toMatchObject({ orderId, amount: 6_660 })
    await walletApp.payments.pay({ orderId: resolved.orderId, walletId: payer.id, amount: resolved.amount })

    await page.locator('[data-testid="checkout-status"][data-status="succeeded"]').waitFor()
    await expect.poll(() => page.getByTestId('receipt').textContent()).toContain('已支付 66.60 元')
    await browser.screenshot('02-checkout-paid')

    // The shop's record changed only through its notification route handler: the gateway delivered
    // order.succeeded twice, the handler verified both, applied one and acknowledged the duplicate.
    const record = () => shopRecord(app.url, orderId!)
    await expect.poll(async () => (await record()).deliveries.length, { timeout: 15_000 }).toBe(2)
    const { order, deliveries } = await record()
    expect(order).toMatchObject({ orderId, amount: 6_660, status: 'succeeded', notificationsApplied: 1 })
    expect(deliveries).toEqual([
      { eventId: expect.any(String), type: 'order.succeeded', orderId, applied: true },
      { eventId: deliveries[0]!.eventId, type: 'duplicate', orderId, applied: false },
    ])
    const sent = sandbox.rails.notifications
      .list()
      .filter((notification) => notification.id === deliveries[0]!.eventId)
    expect(sent).toMatchObject([{ type: 'order.succeeded', status: 'delivered' }])
    expect(sent[0]!.url).toBe(`${app.url}/api/ecny/notifications`)
    expect(pageErrors).toEqual([])

    // The page's gateway route serves the checkout's reads, nothing else.
    expect((await fetch(`${app.url}/gateway/v1/orders/${orderId}`)).status).toBe(401) // no token
    expect((await fetch(`${app.url}/gateway/v1/test/notifications`)).status).toBe(404)
    expect((await fetch(`${app.url}/gateway/v1/orders`, { method: 'POST', body: '{}' })).status).toBe(405)
  })

  it('in English (the header switch): without ECNY_ variables starts its embedded sandbox, and its sandbox-wallet button pays the order', async () => {
    const embedded = await timed('next start (embedded sandbox)', () => nextStart(appDir, {}))
    try {
      await page.goto(embedded.url)
      await page.getByRole('link', { name: 'English' }).click()
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en')
      await page.getByLabel('Amount (yuan)').fill('12.50')
      await page.getByRole('button', { name: 'Pay with e-CNY' }).click()
      const qr = page.getByTestId('payment-qr')
      await qr.waitFor()
      const orderId = await qr.getAttribute('data-order-id')
      await page.getByRole('button', { name: 'Pay with a sandbox wallet' }).click()
      await page.locator('[data-testid="checkout-status"][data-status="succeeded"]').waitFor()
      await expect.poll(() => page.getByTestId('receipt').textContent()).toContain('Paid ¥12.50')
      await browser.screenshot('03-embedded-sandbox-paid')
      // Not our test sandbox: the app's own, which delivered to the app's own route handler.
      expect(sandbox.rails.notifications.list().filter((n) => n.url?.startsWith(embedded.url))).toEqual([])
      await expect
        .poll(async () => (await shopRecord(embedded.url, orderId!)).order.notificationsApplied, {
          timeout: 15_000,
        })
        .toBe(1)
      expect(pageErrors).toEqual([])
    } finally {
      await embedded.stop()
    }
  })
})
