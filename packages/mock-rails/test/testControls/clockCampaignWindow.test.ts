import { createSignedClient } from '@ecny/test-utils'
import { expect, it } from 'vitest'
import { campaignRig } from '../campaigns/campaignFixtures.js'

it('advancing the clock over HTTP opens a scheduled campaign at its window and ends it after', async () => {
  const rig = campaignRig({ organiserFunds: 50_000 })
  const app = await rig.rails.createDemoApp({ merchantIds: [rig.merchant.id] })
  const client = createSignedClient({
    ...app,
    send: (r) => rig.rails.handle(r),
    now: () => rig.rails.clock.now(),
  })
  const window = { from: '2025-03-11T00:00:00+08:00', to: '2025-03-12T00:00:00+08:00' } // the rails: 03-10 10:00
  const draft = rig.campaigns.create({
    rule: { type: 'PT04', amount: 500, budget: { count: 10 }, validity: window },
    organiserWalletId: rig.organiser.id,
  })
  rig.campaigns.schedule(draft.id)
  const advance = (seconds: number) => client.call('POST', '/v1/test/clock/advance', { seconds })

  expect((await advance(13 * 3600)).status).toBe(200) // 03-10 23:00
  expect(rig.campaigns.get(draft.id).status).toBe('scheduled')
  await advance(3600) // 03-11 00:00: the window opens, the budget is funded
  expect(rig.campaigns.get(draft.id).status).toBe('active')
  expect(rig.balance(rig.organiser.id)).toBe(45_000)
  await advance(24 * 3600) // 03-12 00:00: it ends, the budget goes back
  expect(rig.campaigns.get(draft.id).status).toBe('ended')
  expect(rig.balance(rig.organiser.id)).toBe(50_000)
})
