import { createClient, type EcnyError } from '@ecny/sdk-core'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { railsHandlers } from '../../src/msw/railsHandlers.js'
import { campaignRig } from './campaignFixtures.js'

type Outcome = { walletId: string; granted: boolean; code?: string }

/** Every attempt either granted once or refused with a reason; caps and budget held; stats == ledger. */
function checkOutcomes(
  rig: ReturnType<typeof campaignRig>,
  campaignId: string,
  outcomes: Outcome[],
  expectedGrants: number,
) {
  const granted = outcomes.filter((o) => o.granted)
  expect(granted).toHaveLength(expectedGrants)
  const perWallet = new Map<string, number>()
  for (const o of granted) perWallet.set(o.walletId, (perWallet.get(o.walletId) ?? 0) + 1)
  expect(Math.max(...perWallet.values())).toBe(1)
  const reasons = new Set(outcomes.filter((o) => !o.granted).map((o) => o.code))
  expect([...reasons].sort()).toEqual(['budget_exhausted', 'claim_cap_reached'])
  const claims = rig.campaigns.listClaims(campaignId, { limit: 100 })
  expect(claims.data.length).toBe(Math.min(100, expectedGrants))
  const stats = rig.expectConsistent(campaignId)
  expect(stats).toMatchObject({
    reach: expectedGrants,
    claims: { granted: expectedGrants, held: expectedGrants },
  })
  expect(stats.budget.reserved).toBe(expectedGrants * 100)
  expect(stats.budget.available).toBeGreaterThanOrEqual(0)
  return stats
}

describe('concurrent claims against a small budget', () => {
  it('10,000 claims through the engine: never overspent, one per wallet, each granted or refused with a reason', async () => {
    const rig = campaignRig()
    // Money for 40 vouchers (count allows 50): the money budget binds.
    const campaign = rig.launch({
      type: 'PT02',
      faceValue: 100,
      perWallet: { total: 1 },
      budget: { count: 50, amount: 4_000 },
    })
    const wallets = Array.from({ length: 1_000 }, () => rig.wallet(0))
    const attempts = Array.from({ length: 10_000 }, (_, i) => wallets[(i * 7919) % wallets.length]!)
    const outcomes = await Promise.all(
      attempts.map(async (walletId): Promise<Outcome> => {
        await Promise.resolve()
        try {
          rig.campaigns.claim(campaign.id, { walletId })
          return { walletId, granted: true }
        } catch (error) {
          return { walletId, granted: false, code: (error as EcnyError).code }
        }
      }),
    )
    const stats = checkOutcomes(rig, campaign.id, outcomes, 40)
    expect(stats.budget).toMatchObject({ remaining: 4_000, available: 0, exhausted: true, countUsed: 40 })
  })

  describe('over HTTP (msw), a few hundred at once', () => {
    const server = setupServer()
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
    afterAll(() => server.close())

    it('300 concurrent claims with the SDK: the count budget binds, no wallet gets two', async () => {
      const rig = campaignRig()
      server.use(...railsHandlers(rig.rails, { baseUrl: 'https://rails.test' }))
      const app = await rig.rails.createDemoApp()
      const client = createClient({
        baseUrl: 'https://rails.test',
        credentials: { appId: app.appId, privateKey: app.privateKey },
        now: () => rig.rails.clock.now(),
        maxRetries: 0,
      })
      const campaign = rig.launch({
        type: 'PT02',
        faceValue: 100,
        perWallet: { perDay: 1 },
        budget: { count: 25 },
      })
      const wallets = Array.from({ length: 100 }, () => rig.wallet(0))
      const outcomes = await Promise.all(
        Array.from({ length: 300 }, async (_, i): Promise<Outcome> => {
          const walletId = wallets[i % wallets.length]!
          try {
            await client.campaigns.claim({ campaignId: campaign.id, walletId })
            return { walletId, granted: true }
          } catch (error) {
            return { walletId, granted: false, code: (error as EcnyError).code }
          }
        }),
      )
      const stats = checkOutcomes(rig, campaign.id, outcomes, 25)
      expect(stats.budget).toMatchObject({ countUsed: 25, exhausted: true })
    })
  })
})
