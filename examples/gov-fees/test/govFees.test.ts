import type { Sandbox } from '@ecny/mock-rails'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startExampleSandbox } from '../../merchant-server/sandbox.js'
import { runGovFeesDemo } from '../govFees.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startExampleSandbox({ seed: 'gov-fees-test' })
})
afterAll(async () => {
  await sandbox?.close()
})

describe('examples/gov-fees', () => {
  it('issues a bill, has it paid by QR from a wallet and prints the receipt', async () => {
    const lines: string[] = []
    const { bill, receipt, payerWalletId } = await runGovFeesDemo({
      gatewayUrl: sandbox.url,
      credentials: sandbox.credentials,
      merchantId: sandbox.merchantId,
      print: (line) => lines.push(line),
    })
    expect(bill.status).toBe('paid')
    expect(receipt).toMatchObject({ amount: 48_000, billNo: bill.billNo, payerWalletId })
    expect(receipt.receiptNo).toBeTruthy()
    expect(lines.join('\n')).toContain(`Receipt no.  ${receipt.receiptNo}`)
    expect(sandbox.rails.engine.getBalance(payerWalletId).available).toBe(100_000 - 48_000)
  })
})
