import type { CreateRailsOptions } from '@ecny/mock-rails'
import { testCard } from './identities.js'
import { createSignedClient } from './signedClient.js'
import { openWl04, testRails } from './testRails.js'

/**
 * {@link testRails} plus a demo app acting for its merchant, a signed client talking to
 * `rails.handle` by the rails clock, and a WL04 wallet funded with 1,000 yuan.
 *
 * @example
 * const { client, wallet } = await httpSetup()
 * const { status } = await client.call('GET', `/v1/wallets/${wallet.id}`)
 */
export async function httpSetup(options: CreateRailsOptions = {}) {
  const t = testRails(options)
  const app = await t.rails.createDemoApp({ merchantIds: [t.merchant.id] })
  const client = createSignedClient({
    ...app,
    send: (request) => t.rails.handle(request),
    now: () => t.rails.clock.now(),
  })
  const wallet = openWl04(t.rails)
  t.engine.topUp(wallet.id, { amount: 100_000, bankCard: testCard })
  return { ...t, app, client, wallet }
}
