/**
 * The React example end to end in a real browser: Debian's Chromium driven by playwright-core (no
 * browser download; `node scripts/ensure-chromium.mjs` installs it). The sandbox, the shop backend
 * and the built page run in-process on 127.0.0.1; a simulated wallet app pays the QR the page shows.
 * Screenshots of each step go to test-artifacts/browser/.
 */
import { join } from 'node:path'
import { createClient } from '@ecny/sdk-core'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CheckoutStack, startCheckoutStack } from '../../examples/react-checkout/dev/startStack.js'
import { artifactsDir, type ChromiumSession, launchChromium } from '../support/chromium.js'

let stack: CheckoutStack
let browser: ChromiumSession
let page: Page
const pageErrors: string[] = []

const screenshot = (name: string) => browser.screenshot(name)

beforeAll(async () => {
  stack = await startCheckoutStack({ mode: 'build', outDir: join(artifactsDir('browser'), 'dist') })
  browser = await launchChromium({ artifacts: 'browser', viewport: { width: 1000, height: 760 } })
  page = browser.page
  page.setDefaultTimeout(30_000)
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

describe('React checkout in Chromium', () => {
  it('shows the QR in 中文 by default, is paid by a wallet app that scans it, and shows success', async () => {
    await page.goto(stack.url)
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN')
    await page.getByLabel('金额（元）').fill('88.80')
    await page.getByRole('button', { name: '用数字人民币支付' }).click()

    const qr = page.getByTestId('payment-qr')
    await qr.waitFor()
    await expect
      .poll(() => page.getByRole('img', { name: '数字人民币付款二维码，金额 88.80 元' }).count())
      .toBe(1)
    expect(await page.getByTestId('checkout-status').textContent()).toBe('等待支付')
    // A Chinese sentence writes the amount as 元; the amount the test typed.
    expect(await page.getByRole('heading', { name: '支付 88.80 元' }).count()).toBe(1)
    await screenshot('01-checkout-qr')
    const payload = await qr.getAttribute('data-payload')
    expect(payload).toBeTruthy()

    // The customer's wallet app (server side of a wallet operator, sdk-core) scans and pays.
    const walletApp = createClient({ baseUrl: stack.sandbox.url, credentials: stack.sandbox.credentials })
    const payer = await walletApp.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13900009999' })
    await walletApp.wallets.topUp({ walletId: payer.id, amount: 20_000, bankCard: '6222020000000007' })
    const resolved = await walletApp.payments.resolveQr({ payload: payload! })
    expect(resolved.amount).toBe(8_880)
    await walletApp.payments.pay({ orderId: resolved.orderId, walletId: payer.id, amount: resolved.amount })

    await page.locator('[data-testid="checkout-status"][data-status="succeeded"]').waitFor()
    await expect.poll(() => page.getByTestId('receipt').textContent()).toContain('已支付 88.80 元')
    await screenshot('02-checkout-paid')

    // The shop learnt it from the signed notification, not from the page.
    await expect
      .poll(() => stack.shop.orders.byOrderId(resolved.orderId)?.status, { timeout: 10_000 })
      .toBe('succeeded')
  })

  it('in English: sends a transfer that earns the campaign reward, then refuses one over the WL04 single-payment cap', async () => {
    await page.goto(`${stack.url}#/wallet`)
    await page.getByRole('button', { name: 'English' }).click()
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await expect.poll(() => page.getByRole('link', { name: 'My wallet' }).count()).toBe(1)
    await expect.poll(() => page.getByTestId('balance').getAttribute('data-fen')).toBe('500000')
    await page.getByTestId('reward-offer').waitFor()
    await expect.poll(() => page.getByTestId('cap-single').textContent()).toBe('¥2,000.00')
    await screenshot('03-wallet')

    await page.getByLabel('Amount (yuan)').fill('10.00')
    await page.getByRole('button', { name: 'Send' }).click()
    const result = page.getByTestId('transfer-result')
    await result.waitFor()
    expect(await result.textContent()).toContain('You earned a reward of ¥0.88')
    // 5,000.00 − 10.00 + 0.88
    await expect.poll(() => page.getByTestId('balance').getAttribute('data-fen')).toBe('499088')
    await screenshot('04-transfer-reward')

    await page.getByLabel('Amount (yuan)').fill('2500')
    await page.getByRole('button', { name: 'Send' }).click()
    const error = page.locator('[data-testid="error"][data-code="limit_exceeded"]')
    await error.waitFor()
    const text = await error.textContent()
    expect(text).toContain("Over your wallet's single-payment limit")
    expect(text).toContain('¥2,000.00')
    expect(text).toContain('limit_exceeded')
    await screenshot('05-over-limit')
    // Refused before anything was sent: the balance did not move.
    expect(await page.getByTestId('balance').getAttribute('data-fen')).toBe('499088')
    expect(pageErrors).toEqual([])
  })
})
