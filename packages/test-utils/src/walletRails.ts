import type { Rails } from '@ecny/mock-rails'
import { type CreateClientConfig, createClient, type EcnyClient } from '@ecny/sdk-core'
import { beforeEach } from 'vitest'
import { type AppCredentials, demoCredentials } from './demoApp.js'
import { type RailsServerOptions, railsUrl, serveRails } from './railsServer.js'
import { balanceOf, fundedWalletThroughSdk, mobileNumbers } from './wallets.js'

export type WalletHarness = {
  rails: Rails
  /** Signs with the demo app's server credentials, by the rails clock. */
  client: EcnyClient
  credentials: AppCredentials
  /** Requests that reached the rails in this test, as `METHOD /path?query`. */
  requests: string[]
  /** The seeded, approved merchant. */
  merchantId: string
  /** Another client on the same rails (e.g. with a client token). */
  clientWith(config: Partial<CreateClientConfig>): EcnyClient
  /** Moves the rails clock (the clients sign by it, so signatures stay within skew). */
  advance(ms: number): void
  /** Puts the rails clock at an instant. */
  setClock(date: string): void
  /** The ledger balance of a wallet, in fen. */
  balanceOf(walletId: string): number
  /** Opens a WL04 wallet through the SDK and tops it up through the SDK. */
  openFunded(amount: number, mobile?: string): Promise<string>
}

/**
 * The wallet SDK's end-to-end harness: `@ecny/sdk-core` talks over msw to fresh rails for every test,
 * so each test asserts what really happened (balances from the ledger, orders from the engine).
 *
 * @example
 * const h = useWalletRails()
 * it('tops up', async () => {
 *   const walletId = await h.openFunded(5_000)
 *   expect(h.balanceOf(walletId)).toBe(5_000)
 * })
 */
export function useWalletRails(options: RailsServerOptions = {}): WalletHarness {
  const served = serveRails({ seed: 7, ...options })
  const harness = { requests: served.requests } as WalletHarness
  const nextMobile = mobileNumbers('1390000')
  beforeEach(async () => {
    const rails = served.rails
    const credentials = await demoCredentials(rails)
    const clientWith = (config: Partial<CreateClientConfig>) =>
      createClient({
        baseUrl: railsUrl,
        maxRetries: 2,
        now: () => rails.clock.now(),
        ...config,
      } as CreateClientConfig)
    Object.assign(harness, {
      rails,
      credentials,
      clientWith,
      client: clientWith({ credentials }),
      merchantId: rails.seedMerchant().id,
      advance: (ms: number) => rails.clock.advance(ms),
      setClock: (date: string) => rails.clock.set(date),
      balanceOf: (walletId: string) => balanceOf(rails, walletId),
      openFunded: (amount: number, mobile = nextMobile()) =>
        fundedWalletThroughSdk(harness.client, amount, mobile),
    })
  })
  return harness
}

/**
 * A QR order of the harness's merchant, created directly on the rails (the merchant side is not under test).
 *
 * @example
 * const order = createQrOrder(h, 1_250)
 */
export function createQrOrder(
  h: Pick<WalletHarness, 'rails' | 'merchantId'>,
  amount: number,
  merchantOrderNo = `M-${Math.random().toString(36).slice(2, 10)}`,
) {
  return h.rails.engine.createOrder({
    merchantId: h.merchantId,
    merchantOrderNo,
    amount,
    description: 'Coffee',
    mode: 'qr',
  })
}
