/**
 * `pnpm demo` on both dialects: the reference protocol (default) and CMB 聚合收单
 * (`pnpm demo -- --dialect cmb`). The CMB story is checked against what the gateway saw and did,
 * the entry point by running it as `pnpm demo` would.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { demoDialectOf } from '../demoDialect.js'
import { runCmbDemo } from '../runCmbDemo.js'
import { createStory } from '../story.js'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const entry = fileURLToPath(new URL('../index.ts', import.meta.url))

/** Runs the demo's entry as `pnpm demo -- …` does (tsx, from the repository root). */
function runEntry(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })))
}

describe('the CMB story, against the CMB-dialect sandbox', () => {
  it('QR order paid, notified once, partly refunded, customer code reversed, all reconciled — over the CMB door', async () => {
    const lines: string[] = []
    const result = await runCmbDemo(createStory((line) => lines.push(line)))
    const output = lines.join('\n')

    // Every merchant call went to the CMB door; the wallet side used the reference door of the same rails.
    const merchantCalls = result.gatewayRequests.filter((line) => line.startsWith('POST /polypay/'))
    const endpoints = new Set(merchantCalls.map((line) => line.split(' ')[1]!.split('/mchorders/')[1]))
    expect([...endpoints].sort()).toEqual(
      ['cancel', 'ecny/unifiedOrder', 'orderquery', 'pay', 'refund', 'statementurl'].sort(),
    )
    // (the wallet's own `POST /v1/orders/{id}/pay` is the customer paying, not the merchant)
    const referenceMerchantCalls = result.gatewayRequests.filter(
      (line) => / \/v1\/(orders|refunds|statements)\b/.test(line) && !/\/pay \d+$/.test(line),
    )
    expect(referenceMerchantCalls).toEqual([])
    expect(result.gatewayRequests.some((line) => /^POST \/v1\/orders\/\S+\/pay 200$/.test(line))).toBe(true)
    expect(merchantCalls.every((line) => / 200$/.test(line))).toBe(true)

    // QR order → paid: the gateway has it paid by the customer's wallet.
    expect(result.qrOrder.status).toBe('succeeded')
    expect(result.railsQrOrder).toMatchObject({
      status: 'partially_refunded',
      payerWalletId: result.walletId,
    })

    // Its notification: delivered by the gateway once (the signed ack was accepted at the first try),
    // verified and applied once; a repeat of the same form is acknowledged and not applied again.
    expect(result.paymentNotificationAttempts).toEqual([{ ok: true }])
    const forQr = result.applied.filter((event) => event.number === result.qrOrder.merchantOrderNo)
    expect(forQr.map((event) => event.type)).toEqual(['order.succeeded'])
    expect(result.repeatsIgnored).toBeGreaterThanOrEqual(1)
    expect(new Set(result.applied.map((event) => event.id)).size).toBe(result.applied.length)

    // Partial refund, then the customer-code payment and its reversal.
    expect(result.refund.amount).toBeGreaterThan(0)
    expect(result.refund.amount).toBeLessThan(result.qrOrder.amount)
    expect(result.refund.status).toBe('succeeded')
    expect(result.railsQrOrder.refundedAmount).toBe(result.refund.amount)
    expect(result.codeOrder.status).toBe('succeeded')
    expect(result.reversed.status).toBe('canceled')

    // The customer's wallet: paid the QR order, got the refund back, and the reversed payment back.
    expect(result.walletBalance.end).toBe(
      result.walletBalance.start - result.qrOrder.amount + result.refund.amount,
    )

    // The day's statement, downloaded through the CMB link, matches every record of the books.
    expect(result.reconciliation.totals.matched.count).toBe(result.booksCount)
    expect(result.reconciliation.totals.matched.count).toBeGreaterThanOrEqual(3)
    expect(
      result.reconciliation.totals.merchant_only.count + result.reconciliation.totals.gateway_only.count,
    ).toBe(0)

    expect(output).toContain(`order ${result.qrOrder.merchantOrderNo} → succeeded`)
    expect(output).not.toContain(result.credentials.secret)
    expect(output).not.toContain(result.credentials.privateKey)
  })
})

describe('the entry point: pnpm demo [-- --dialect cmb]', () => {
  it('reads the dialect from the arguments, with or without the -- pnpm passes on', () => {
    expect(demoDialectOf([])).toBe('reference')
    expect(demoDialectOf(['--', '--dialect', 'cmb'])).toBe('cmb')
    expect(demoDialectOf(['--dialect=cmb'])).toBe('cmb')
    expect(demoDialectOf(['--dialect', 'reference'])).toBe('reference')
    expect(() => demoDialectOf(['--dialect', 'icbc'])).toThrow(
      /--dialect must be reference or cmb, got "icbc"/,
    )
    expect(() => demoDialectOf(['--dialect'])).toThrow(/--dialect must be reference or cmb/)
  })

  it('tells the CMB story with --dialect cmb and the reference story without it', async () => {
    const [reference, cmbRun, wrong] = await Promise.all([
      runEntry([]),
      runEntry(['--', '--dialect', 'cmb']),
      runEntry(['--dialect', 'icbc']),
    ])
    expect(reference.stderr).toBe('')
    expect(reference.code).toBe(0)
    expect(reference.stdout).toMatch(/Onboard a merchant/)
    expect(reference.stdout).not.toMatch(/CMB/)
    expect(reference.stdout).toMatch(/All keys matched/)

    expect(cmbRun.stderr).toBe('')
    expect(cmbRun.code).toBe(0)
    expect(cmbRun.stdout).toMatch(/CMB 聚合收单/)
    expect(cmbRun.stdout).not.toMatch(/Onboard a merchant/)
    expect(cmbRun.stdout).toMatch(/→ canceled/)
    expect(cmbRun.stdout).toMatch(/All keys matched/)

    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toMatch(/--dialect must be reference or cmb, got "icbc"/)
  })
})
