/**
 * The hooks under test talk over msw to fresh in-process rails for every test. A "merchant
 * backend" and a "wallet app" stand beside the page, using server credentials as they would on a
 * server (`dangerouslyAllowBrowser` only because jsdom looks like a browser).
 */
import './realm.js'
import { type CreateRailsOptions, createRails, type Rails, railsHandlers } from '@ecny/mock-rails'
import { order as orderSchema } from '@ecny/protocol'
import { createClient, createClientToken, type EcnyClient } from '@ecny/sdk-core'
import { QueryClient } from '@tanstack/react-query'
import { cleanup } from '@testing-library/react'
import { setupServer } from 'msw/node'
import type { ReactNode } from 'react'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { type CheckoutOrder, type ClientTokenProp, EcnyProvider } from '../../src/index.js'

export const baseUrl = 'https://rails.test'
const testCard = '6222020000000007'

export type Harness = {
  rails: Rails
  /** `METHOD /path` of every request the page (client tokens) sent in this test. */
  requests: string[]
  merchantId: string
  /** The merchant's and wallet operator's server-side client. */
  server: EcnyClient
  queryClient: QueryClient
  /** Renders children inside an EcnyProvider with this test's QueryClient. */
  wrapper(props?: {
    clientToken?: ClientTokenProp
    scopeKey?: string
  }): (p: { children: ReactNode }) => ReactNode
  openWallet(balance: number): string
  walletToken(walletId: string, ttlSeconds?: number): Promise<string>
  /** What a sign-up backend does: a token that may open one personal wallet for `reference`. */
  openingToken(reference: string): Promise<string>
  /** What a merchant backend does for `useCheckout`: create a QR order and an order-scoped token. */
  createOrder(amount: number, options?: { expiresInSeconds?: number }): Promise<CheckoutOrder>
  /** A wallet app scans the QR and pays it. */
  pay(qrPayload: string, walletId: string): Promise<unknown>
  count(request: string): number
}

export function setupRails(options: CreateRailsOptions = {}): Harness {
  const server = setupServer()
  const requests: string[] = []
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    const fromPage = request.headers.get('authorization')?.startsWith('Bearer ')
    if (fromPage && url.pathname !== '/.well-known/jwks.json')
      requests.push(`${request.method} ${url.pathname}`)
  })
  const h = { requests } as Harness
  let mobiles = 0
  let orders = 0

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())
  afterEach(() => {
    cleanup() // unmount what the test rendered (no vitest globals, so RTL does not do it itself)
    h.queryClient.clear()
    server.resetHandlers()
  })
  beforeEach(async () => {
    const rails = createRails({ seed: 11, ...options })
    server.use(...railsHandlers(rails, { baseUrl }))
    const app = await rails.createDemoApp()
    const backend = createClient({
      baseUrl,
      credentials: { appId: app.appId, privateKey: app.privateKey as JsonWebKey },
      dangerouslyAllowBrowser: true,
      maxRetries: 0,
    })
    const merchantId = rails.seedMerchant().id
    const queryClient = new QueryClient()
    Object.assign(h, {
      rails,
      merchantId,
      server: backend,
      queryClient,
      wrapper:
        (props = {}) =>
        ({ children }: { children: ReactNode }) => (
          <EcnyProvider baseUrl={baseUrl} queryClient={queryClient} {...props}>
            {children}
          </EcnyProvider>
        ),
      openWallet(balance: number) {
        const mobile = `1370000${String(++mobiles).padStart(4, '0')}`
        const wallet = rails.engine.openWallet({ type: 'WT01', level: 'WL04', mobile })
        if (balance > 0) rails.engine.topUp(wallet.id, { amount: balance, bankCard: testCard })
        return wallet.id
      },
      async openingToken(reference: string) {
        return (await createClientToken(backend, { scope: { type: 'wallet_opening', id: reference } })).token
      },
      async walletToken(walletId: string, ttlSeconds = 600) {
        return (await createClientToken(backend, { scope: { type: 'wallet', id: walletId }, ttlSeconds }))
          .token
      },
      async createOrder(amount: number, { expiresInSeconds = 120 } = {}) {
        const created = await backend.request({
          method: 'POST',
          path: '/v1/orders',
          body: {
            merchantId,
            merchantOrderNo: `T-${++orders}`,
            amount,
            description: 'Coffee',
            mode: 'qr',
            expiresInSeconds,
          },
          schema: orderSchema,
        })
        const token = await createClientToken(backend, {
          scope: { type: 'order', id: created.id },
          ttlSeconds: 600,
        })
        return {
          orderId: created.id,
          qrPayload: created.qrPayload ?? '',
          amount: created.amount,
          expiresAt: created.expiresAt,
          clientToken: token.token,
        }
      },
      async pay(qrPayload: string, walletId: string) {
        const resolved = await backend.payments.resolveQr({ payload: qrPayload })
        return backend.payments.pay({ orderId: resolved.orderId, walletId, amount: resolved.amount })
      },
      count: (request: string) => requests.filter((seen) => seen === request).length,
    })
    requests.length = 0
  })
  return h
}

/** Resolves after `ms` of real time (polling intervals in these tests are tens of ms). */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
