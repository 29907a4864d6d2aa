/**
 * The hooks under test talk over msw to fresh in-process rails for every test (`@ecny/test-utils`).
 * What this wrapper adds is React's: an `EcnyProvider` wrapper with this test's QueryClient, cleanup
 * after each test, and a "merchant backend" / "wallet app" beside the page that use server
 * credentials as they would on a server (`dangerouslyAllowBrowser` only because jsdom looks like a browser).
 */
import './realm.js'
import type { Rails } from '@ecny/mock-rails'
import { order as orderSchema } from '@ecny/protocol'
import { createClient, type EcnyClient } from '@ecny/sdk-core'
import {
  demoCredentials,
  fundedWallet,
  mobileNumbers,
  railsUrl,
  scopedToken,
  serveRails,
} from '@ecny/test-utils'
import { QueryClient } from '@tanstack/react-query'
import { cleanup } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach } from 'vitest'
import { type CheckoutOrder, type ClientTokenProp, EcnyProvider } from '../../src/index.js'

export const baseUrl = railsUrl

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
    locale?: 'zh-CN' | 'en'
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

/** Only what the page sent: requests with a client token (Bearer), the JWKS fetch left out. */
const pageRequest = (request: Request) => {
  const url = new URL(request.url)
  const fromPage = request.headers.get('authorization')?.startsWith('Bearer ')
  return fromPage && url.pathname !== '/.well-known/jwks.json'
    ? `${request.method} ${url.pathname}`
    : undefined
}

export function setupRails(options: Parameters<typeof serveRails>[0] = {}): Harness {
  const served = serveRails({ seed: 11, label: pageRequest, ...options })
  const h = { requests: served.requests } as Harness
  const nextMobile = mobileNumbers('1370000')
  let orders = 0

  afterEach(() => {
    cleanup() // unmount what the test rendered (no vitest globals, so RTL does not do it itself)
    h.queryClient.clear()
  })
  beforeEach(async () => {
    const rails = served.rails
    const backend = createClient({
      baseUrl,
      credentials: (await demoCredentials(rails)) as { appId: string; privateKey: JsonWebKey },
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
      openWallet: (balance: number) => fundedWallet(rails, balance, nextMobile()),
      openingToken: (reference: string) => scopedToken(backend, { type: 'wallet_opening', id: reference }),
      walletToken: (walletId: string, ttlSeconds = 600) =>
        scopedToken(backend, { type: 'wallet', id: walletId }, ttlSeconds),
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
        return {
          orderId: created.id,
          qrPayload: created.qrPayload ?? '',
          amount: created.amount,
          expiresAt: created.expiresAt,
          clientToken: await scopedToken(backend, { type: 'order', id: created.id }, 600),
        }
      },
      async pay(qrPayload: string, walletId: string) {
        const resolved = await backend.payments.resolveQr({ payload: qrPayload })
        return backend.payments.pay({ orderId: resolved.orderId, walletId, amount: resolved.amount })
      },
      count: (request: string) => served.requests.filter((seen) => seen === request).length,
    })
  })
  return h
}

/** Resolves after `ms` of real time (polling intervals in these tests are tens of ms). */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
