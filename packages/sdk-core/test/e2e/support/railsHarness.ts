/**
 * End-to-end harness: the SDK talks over msw to fresh in-process rails for every test, so each test
 * asserts what really happened (balances from the ledger, orders from the engine).
 */
import { type CreateRailsOptions, createRails, type Rails, railsHandlers } from '@ecny/mock-rails'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { type CreateClientConfig, createClient, type EcnyClient } from '../../../src/client/createClient.js'

export const railsUrl = 'https://rails.test'

/** A Luhn-valid card for WL04/WL03 top-ups and redemptions. */
export const testCard = '6222020000000007'

export type Harness = {
  rails: Rails
  client: EcnyClient
  credentials: { appId: string; privateKey: unknown }
  /** Requests that reached the rails in this test, as `METHOD /path`. */
  requests: string[]
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

export function useRails(options: CreateRailsOptions = {}): Harness {
  const server = setupServer()
  const requests: string[] = []
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    if (url.pathname !== '/.well-known/jwks.json')
      requests.push(`${request.method} ${url.pathname}${url.search}`)
  })
  const harness = { requests } as Harness
  let mobiles = 0

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())
  afterEach(() => {
    server.resetHandlers()
    requests.length = 0
  })
  beforeEach(async () => {
    const rails = createRails({ seed: 7, ...options })
    server.use(...railsHandlers(rails, { baseUrl: railsUrl }))
    const app = await rails.createDemoApp()
    const credentials = { appId: app.appId, privateKey: app.privateKey }
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
      balanceOf: (walletId: string) => rails.engine.getBalance(walletId).available,
      async openFunded(amount: number, mobile = `1390000${String(++mobiles).padStart(4, '0')}`) {
        const wallet = await harness.client.wallets.open({ type: 'WT01', level: 'WL04', mobile })
        if (amount > 0)
          await harness.client.wallets.topUp({ walletId: wallet.id, amount, bankCard: testCard })
        return wallet.id
      },
    })
    requests.length = 0
  })
  return harness
}

/** A QR order of the seeded merchant, created directly on the rails (the merchant side is not under test). */
export function createQrOrder(
  h: Harness,
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
