/**
 * The points ledger is rails state: a sandbox on SQLite keeps every book (entries, the once-a-day
 * marks, redemptions today) and the programme's rules across a restart.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fundedWallet, testCard } from '@ecny/test-utils'
import { afterAll, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../src/sandbox/startSandbox.js'

const opened: Sandbox[] = []
afterAll(async () => {
  for (const sandbox of opened.reverse()) await sandbox.close()
})

it('keeps points entries, daily marks and rules across a restart', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'ecny-points-')), 'sandbox.db')
  const first = await startSandbox({ state: file, seed: 4, log: false })
  opened.push(first)
  // Noon in Shanghai on both sides of the restart, so "once a day" never straddles a real midnight.
  first.rails.clock.set('2026-06-01T12:00:00+08:00')
  const points = first.rails.campaigns.points
  points.updateRules({ perTopUp: 7 })
  const walletId = fundedWallet(first.rails, 10_000, '13900007777')
  points.adjust(walletId, { points: 40, reason: 'welcome call' })
  const before = points.list(walletId, { limit: 100 })
  expect(before.data.map((entry) => entry.kind)).toEqual(['adjustment', 'top_up', 'new_wallet'])
  await first.flush()

  const second = await startSandbox({ state: file, log: false })
  opened.push(second)
  second.rails.clock.set('2026-06-01T12:05:00+08:00')
  const after = second.rails.campaigns.points
  expect(after.rules()).toMatchObject({ perTopUp: 7 })
  expect(
    after.list(walletId, { limit: 100 }).data.map(({ id, kind, points }) => ({ id, kind, points })),
  ).toEqual(before.data.map(({ id, kind, points }) => ({ id, kind, points })))
  // The top-up's once-a-day mark survived: a second top-up the same day earns nothing more.
  second.rails.engine.topUp(walletId, { amount: 100, bankCard: testCard })
  expect(after.list(walletId, { limit: 100 }).data).toHaveLength(3)
})
