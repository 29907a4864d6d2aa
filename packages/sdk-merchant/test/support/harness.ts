/**
 * End-to-end harness: the merchant SDK talks through msw to fresh in-process rails (merchant domain
 * included) for every test, so tests assert what really happened on the rails.
 */
import { type CreateRailsOptions, createRails, type Rails, railsHandlers } from '@ecny/mock-rails'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { createMerchantClient, type MerchantClient, type MerchantClientConfig } from '../../src/index.js'

export const railsUrl = 'https://rails.test'
/** A Luhn-valid card for top-ups. */
export const testCard = '6222020000000007'

export type Harness = {
  rails: Rails
  /** Acts for the seeded, approved merchant. */
  client: MerchantClient
  merchantId: string
  credentials: { appId: string; privateKey: Record<string, unknown> }
  clientWith(config?: Partial<MerchantClientConfig>): MerchantClient
  /** Moves the rails clock and the SDK's `Date` together (signatures stay within skew). */
  advance(ms: number): void
  /** Opens a WL04 wallet on the rails and funds it; returns its id. */
  fundedWallet(amount: number): string
  balanceOf(walletId: string): number
}

export function useMerchantRails(options: CreateRailsOptions = {}): Harness {
  const server = setupServer()
  const harness = {} as Harness
  let mobiles = 0
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())
  afterEach(() => {
    server.resetHandlers()
    vi.useRealTimers()
  })
  beforeEach(async () => {
    const rails = createRails({ seed: 11, ...options })
    server.use(...railsHandlers(rails, { baseUrl: railsUrl }))
    const app = await rails.createDemoApp()
    const credentials = { appId: app.appId, privateKey: app.privateKey as Record<string, unknown> }
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
      fundedWallet(amount: number) {
        const wallet = rails.engine.openWallet({
          level: 'WL04',
          mobile: `1390000${String(++mobiles).padStart(4, '0')}`,
        })
        if (amount > 0) rails.engine.topUp(wallet.id, { amount, bankCard: testCard })
        return wallet.id
      },
      balanceOf: (walletId: string) => rails.engine.getBalance(walletId).available,
    })
  })
  return harness
}
