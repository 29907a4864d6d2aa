import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Sandbox } from '@ecny/mock-rails'
import { verifyEBill } from '@ecny/sdk-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startExampleSandbox } from '../../merchant-server/sandbox.js'
import { runGovFeesDemo } from '../govFees.js'

let sandbox: Sandbox
let outDir: string
beforeAll(async () => {
  sandbox = await startExampleSandbox({ seed: 'gov-fees-test' })
  outDir = await mkdtemp(join(tmpdir(), 'gov-fees-test-'))
})
afterAll(async () => {
  await sandbox?.close()
  if (outDir) await rm(outDir, { recursive: true, force: true })
})

describe('examples/gov-fees', () => {
  it('tells a day of 缴款码 payments: lookups, wallet / QR / late payments, saved e-bills, refusals, reconciliation', async () => {
    const lines: string[] = []
    const result = await runGovFeesDemo({
      gatewayUrl: sandbox.url,
      credentials: sandbox.credentials,
      merchantId: sandbox.merchantId,
      outDir,
      print: (line) => lines.push(line),
    })
    const { bills, errors, wallets, days } = result
    const balance = (walletId: string) => sandbox.rails.engine.getBalance(walletId).available

    // The lookup by code shows the bill masked; the agency sees the name.
    expect(result.lookedUp).toMatchObject({ payerName: '**三', amountDue: 21_000, lateFeeDue: 0 })
    expect(bills.byWallet).toMatchObject({ payerName: '张小三', status: 'paid', amountDue: 0 })
    expect(balance(wallets.zhang)).toBe(100_000 - 21_000)

    // Paid by QR: the order folded into the bill, with its own e-bill.
    expect(bills.byQr).toMatchObject({ status: 'paid', paidPrincipal: 10_000 })
    expect(bills.byQr.payments).toHaveLength(1)
    expect(balance(wallets.li)).toBe(50_000 - 10_000)

    // Ten days late at 0.05 % a day of ¥1,200: ¥6.00, on the tax certificate as its own line.
    expect(result.lookedUpLate).toMatchObject({ status: 'overdue', lateFeeDue: 600, amountDue: 120_600 })
    expect(result.lookedUpLate.taxpayerId).toMatch(/^32\*+1234$/)
    expect(bills.late).toMatchObject({ status: 'paid', paidLateFee: 600 })
    expect(balance(wallets.wang)).toBe(400_000 - 120_600)

    // The refusals, each with its own code; nothing was charged for them.
    expect(errors).toEqual({
      unknownCode: 'bill_code_unknown',
      expiredCode: 'bill_code_expired',
      wrongAgency: 'bill_agency_mismatch',
      alreadyPaid: 'bill_already_paid',
    })
    expect(bills.expired).toMatchObject({ status: 'expired', payments: [] })

    // The saved files are the signed e-bill; they verify against the sandbox's keys, the tampered copy does not.
    const jwks = await sandbox.rails.jwks()
    const json = await readFile(result.saved.jsonPath, 'utf8')
    const html = await readFile(result.saved.htmlPath, 'utf8')
    expect(JSON.parse(json)).toEqual(result.saved.ebill)
    expect(html).toContain(result.saved.ebill.ebill.checkCode)
    expect(await verifyEBill(html, { gatewayKeys: jwks })).toEqual(result.saved.ebill.ebill)
    await expect(
      verifyEBill(await readFile(result.saved.tamperedPath, 'utf8'), { gatewayKeys: jwks }),
    ).rejects.toMatchObject({ code: 'signature_invalid' })
    expect(result.verified).toEqual({ fromJson: 21_000, fromHtml: 21_000, tamperedCode: 'signature_invalid' })
    expect(lines.join('\n')).toContain(result.saved.htmlPath)

    // Each agency's day: its own payments only, matched to the e-bills issued.
    expect(days.police.reconciled).toBe(true)
    expect(days.police.statement.totals).toEqual({ count: 2, principal: 31_000, lateFee: 0, amount: 31_000 })
    expect(days.tax.reconciled).toBe(true)
    expect(days.tax.statement.totals).toEqual({ count: 1, principal: 120_000, lateFee: 600, amount: 120_600 })
    expect(days.tax.statement.rows[0]?.ebillNumber).toBe(bills.late.payments[0]?.ebill.number)
  })
})
