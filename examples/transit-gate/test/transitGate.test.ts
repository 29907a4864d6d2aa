import type { Sandbox } from '@ecny/mock-rails'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startExampleSandbox } from '../../merchant-server/sandbox.js'
import { runTransitGateDemo } from '../transitGate.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startExampleSandbox({ seed: 'transit-gate-test' })
})
afterAll(async () => {
  await sandbox?.close()
})

describe('examples/transit-gate', () => {
  it('uploads offline taps in batches: each debited once, duplicates and failures reported per tap', async () => {
    const lines: string[] = []
    const result = await runTransitGateDemo({
      gatewayUrl: sandbox.url,
      credentials: sandbox.credentials,
      merchantId: sandbox.merchantId,
      print: (line) => lines.push(line),
    })
    expect(result.upload.batches).toHaveLength(2)
    expect(result.upload.results.map((r) => r.status)).toEqual([
      'debited',
      'duplicate',
      'debited',
      'failed',
      'failed',
      'debited',
    ])
    expect(result.upload.results[3]?.failureCode).toBe('insufficient_funds')
    expect(result.upload.results[4]?.failureCode).toBe('limit_exceeded')
    expect(result.upload.totals).toEqual({ debited: 1_000, debitedCount: 3, duplicates: 1, failed: 2 })

    expect(result.reupload.results.every((r) => r.status === 'duplicate')).toBe(true)
    expect(result.reupload.totals.debited).toBe(0)

    expect(result.riders.alice.balanceAfter).toBe(5_000 - 600)
    expect(result.riders.bob.balanceAfter).toBe(5_000 - 400)
    expect(result.riders.carol.balanceAfter).toBe(100)
    expect(lines.join('\n')).toContain('failed (insufficient_funds)')
  })
})
