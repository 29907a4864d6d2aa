import type { CreateRailsOptions } from '../../src/createRails.js'
import { card, testRails } from './fixtures.js'
import { createSignedClient } from './signedClient.js'

/** Rails with a seeded merchant, a demo app acting for it, a funded WL04 wallet, and a signed client. */
export async function httpSetup(options: CreateRailsOptions = {}) {
  const t = testRails(options)
  const app = await t.rails.createDemoApp({ merchantIds: [t.merchant.id] })
  const client = createSignedClient({
    ...app,
    send: (request) => t.rails.handle(request),
    now: () => t.rails.clock.now(),
  })
  const wallet = t.engine.openWallet({ level: 'WL04', mobile: '13800138000' })
  t.engine.topUp(wallet.id, { amount: 100_000, bankCard: card })
  return { ...t, app, client, wallet }
}
