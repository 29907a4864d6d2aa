/**
 * The React example end to end in a real browser: Debian's Chromium driven by playwright-core (no
 * browser download; `node scripts/ensure-chromium.mjs` installs it). The sandbox, the shop backend
 * and the built page run in-process on 127.0.0.1; a simulated wallet app pays the QR the page shows.
 * Screenshots of each step go to test-artifacts/browser/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createClient } from '@ecny/sdk-core'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CheckoutStack, startCheckoutStack } from '../../examples/react-checkout/dev/startStack.js'

const chromiumPath = '/usr/bin/chromium'
const artifacts = resolve(import.meta.dirname, '../../test-artifacts/browser')
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
]

let stack: CheckoutStack
let context: BrowserContext
let page: Page
let userDataDir: string
const pageErrors: string[] = []

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true })
}

beforeAll(async () => {
  if (!existsSync(chromiumPath))
    throw new Error(`${chromiumPath} is missing: run \`node scripts/ensure-chromium.mjs\` first.`)
  mkdirSync(artifacts, { recursive: true })
  stack = await startCheckoutStack({ mode: 'build', outDir: join(artifacts, 'dist') })
  userDataDir = mkdtempSync(join(tmpdir(), 'ecny-chromium-'))
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags,
    viewport: { width: 1000, height: 760 },
  })
  page = context.pages()[0] ?? (await context.newPage())
  page.setDefaultTimeout(30_000)
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterAll(async () => {
  await context?.close()
  await stack?.close()
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true })
})

describe('React checkout in Chromium', () => {
  it('shows the QR, is paid by a wallet app that scans it, and shows success', async () => {
    await page.goto(stack.url)
    await page.getByLabel('Amount (yuan)').fill('88.80')
    await page.getByRole('button', { name: 'Pay with e-CNY' }).click()

    const qr = page.getByTestId('payment-qr')
    await qr.waitFor()
    await expect
      .poll(() => page.getByRole('img', { name: 'e-CNY payment QR code for ¥88.80' }).count())
      .toBe(1)
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
    await expect.poll(() => page.getByTestId('receipt').textContent()).toContain('Paid ¥88.80')
    await screenshot('02-checkout-paid')

    // The shop learnt it from the signed notification, not from the page.
    await expect
      .poll(() => stack.shop.orders.byOrderId(resolved.orderId)?.status, { timeout: 10_000 })
      .toBe('succeeded')
  })

  it('sends a transfer that earns the campaign reward, then refuses one over the WL04 single-payment cap', async () => {
    await page.goto(`${stack.url}#/wallet`)
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
