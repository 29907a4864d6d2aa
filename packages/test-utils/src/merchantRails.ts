import type { Rails } from '@ecny/mock-rails'
import { createMerchantClient, type MerchantClient, type MerchantClientConfig } from '@ecny/sdk-merchant'
import { afterEach, beforeEach, vi } from 'vitest'
import { type AppCredentials, demoCredentials } from './demoApp.js'
import { type RailsServerOptions, railsUrl, serveRails } from './railsServer.js'
import { balanceOf, fundedWallet, mobileNumbers } from './wallets.js'

export type MerchantHarness = {
  rails: Rails
  /** Acts for the seeded, approved merchant. */
  client: MerchantClient
  merchantId: string
  credentials: AppCredentials
  clientWith(config?: Partial<MerchantClientConfig>): MerchantClient
  /** Moves the rails clock and the SDK's `Date` together (signatures stay within skew). */
  advance(ms: number): void
  /** Opens a WL04 wallet on the rails and funds it; returns its id. */
  fundedWallet(amount: number): string
  balanceOf(walletId: string): number
}

/**
 * The merchant SDK's end-to-end harness: `@ecny/sdk-merchant` talks over msw to fresh rails (merchant
 * domain included) for every test, acting for a seeded, approved merchant.
 *
 * @example
 * const h = useMerchantRails()
 * it('creates an order', async () => {
 *   const order = await h.client.orders.create({ merchantOrderNo: 'A-1', amount: 100, description: 'Tea', mode: 'qr' })
 * })
 */
export function useMerchantRails(options: RailsServerOptions = {}): MerchantHarness {
  const served = serveRails({ seed: 11, ...options })
  const harness = {} as MerchantHarness
  const nextMobile = mobileNumbers('1390000')
  afterEach(() => {
    vi.useRealTimers()
  })
  beforeEach(async () => {
    const rails = served.rails
    const credentials = await demoCredentials(rails)
    const merchantId = rails.seedMerchant().id
    const clientWith = (config: Partial<MerchantClientConfig> = {}) =>
      createMerchantClient({
        baseUrl: railsUrl,
        credentials,
        merchantId,
        maxRetries: 2,
        ...config,
      } as MerchantClientConfig)
    Object.assign(harness, {
      rails,
      credentials,
      merchantId,
      clientWith,
      client: clientWith(),
      advance(ms: number) {
        rails.clock.advance(ms)
        vi.useFakeTimers({ toFake: ['Date'] })
        vi.setSystemTime(rails.clock.now())
      },
      fundedWallet: (amount: number) => fundedWallet(rails, amount, nextMobile()),
      balanceOf: (walletId: string) => balanceOf(rails, walletId),
    })
  })
  return harness
}
