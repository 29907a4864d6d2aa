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
  it('a day: ride-code trips priced by the fare table and the rules, offline taps uploaded with per-tap outcomes, the close reconciled', async () => {
    const lines: string[] = []
    const result = await runTransitGateDemo({
      gatewayUrl: sandbox.url,
      credentials: sandbox.credentials,
      merchantId: sandbox.merchantId,
      print: (line) => lines.push(line),
    })
    expect(result.rides.scans.map((scan) => [scan.outcome, scan.trip.pricedBy, scan.trip.fare])).toEqual([
      ['entered', null, null],
      ['exited', 'fare_table', 300],
      ['duplicate', 'fare_table', 300],
      ['exited', 'exit_without_entry', 400],
      ['entered', null, null],
    ])

    expect(result.upload.batches).toHaveLength(3)
    expect(result.upload.results.map((r) => r.status)).toEqual([
      'debited',
      'duplicate',
      'debited',
      'failed',
      'failed',
      'debited',
      'failed',
    ])
    expect(result.upload.results[3]?.failureCode).toBe('insufficient_funds')
    expect(result.upload.results[4]?.failureCode).toBe('limit_exceeded')
    expect(result.upload.results[6]?.failureCode).toBe('limit_exceeded') // past the holder's count of 2
    expect(result.upload.totals).toEqual({ debited: 1_000, debitedCount: 3, duplicates: 1, failed: 3 })

    expect(result.reupload.results.every((r) => r.status === 'duplicate')).toBe(true)
    expect(result.reupload.totals.debited).toBe(0)

    expect(result.riders.alice.balanceAfter).toBe(5_000 - 600)
    expect(result.riders.bob.balanceAfter).toBe(5_000 - 400)
    expect(result.riders.carol.balanceAfter).toBe(100)
    expect(lines.join('\n')).toContain('failed (insufficient_funds)')
    expect(lines.join('\n')).toContain('Issued a wearable (WT03)')

    // The day's close prices the 23:10 entry by rule and reconciles ride codes and taps together.
    expect(result.close.closedTrips.map((trip) => [trip.pricedBy, trip.fare])).toEqual([
      ['entry_without_exit', 400],
    ])
    expect(result.close.trips).toEqual({ charged: 3, chargedAmount: 1_100, failed: 0, open: 0 })
    expect(result.close.taps).toEqual({ debited: 3, debitedAmount: 1_000, failed: 3 })
  })
})
