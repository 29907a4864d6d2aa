import type { Sandbox } from '@ecny/mock-rails'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startExampleSandbox } from '../../merchant-server/sandbox.js'
import { runCampaignConsole } from '../campaignConsole.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startExampleSandbox({ seed: 'campaign-console-test' })
})
afterAll(async () => {
  await sandbox?.close()
})

describe('examples/campaign-console', () => {
  it('designs, sizes, schedules and runs a transfer-reward campaign; its stats agree with the ledger', async () => {
    const lines: string[] = []
    const { estimate, transfers, stats } = await runCampaignConsole({
      gatewayUrl: sandbox.url,
      credentials: sandbox.credentials,
      print: (line) => lines.push(line),
    })
    expect(estimate).toMatchObject({ count: 2, total: 4, local: { count: 2, total: 4 } })
    expect(
      transfers.map(({ transfer }) => (transfer.reward?.granted ? 'granted' : transfer.reward?.reason)),
    ).toEqual(['granted', 'granted', 'not_eligible', 'claim_cap_reached', 'claim_cap_reached'])
    expect(stats).toMatchObject({ status: 'active', reach: 2, claims: { granted: 2 } })
    expect(stats.amount.paidOut).toBe(2 * 520)
    expect(stats.amount.remaining).toBe(200_000 - 2 * 520)
    expect(stats.ledger.balance).toBe(stats.amount.remaining)
    expect(sandbox.rails.ledger.verify().ok).toBe(true)
    expect(lines.join('\n')).toContain('no reward (not_eligible)')
  })
})
