/**
 * A scripted, signed gateway for unit tests of request shaping: each route answers what the test
 * says, and every request that reached the network is recorded.
 */
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { ClientConfig } from '../../../src/client/config.js'
import { createBaseClient } from '../../../src/client/createBaseClient.js'
import { baseUrl, errorJson, type GatewayKey, makeKeyPair, signedJson } from '../../fakeGateway.js'

export type SeenRequest = { method: string; path: string; body: unknown; headers: Headers }
type Answer = { status?: number; json: unknown } | ((seen: SeenRequest) => { status?: number; json: unknown })

export function useInlineGateway() {
  const seen: SeenRequest[] = []
  let gatewayKey: GatewayKey
  let appKey: GatewayKey
  const routes = new Map<string, Answer>()

  const handler = http.all(`${baseUrl}/*`, async ({ request }) => {
    const url = new URL(request.url)
    const text = await request.text()
    const entry: SeenRequest = {
      method: request.method,
      path: url.pathname + url.search,
      body: text ? JSON.parse(text) : undefined,
      headers: request.headers,
    }
    seen.push(entry)
    const answer = routes.get(`${request.method} ${url.pathname}`)
    if (!answer)
      return signedJson(
        request,
        gatewayKey,
        404,
        errorJson('not_found', `No route ${request.method} ${url.pathname}`),
      )
    const { status = 200, json } = typeof answer === 'function' ? answer(entry) : answer
    return signedJson(request, gatewayKey, status, json)
  })

  const server = setupServer(handler)
  beforeAll(async () => {
    gatewayKey = await makeKeyPair('gw-inline')
    appKey = await makeKeyPair('app-inline')
    server.listen({ onUnhandledRequest: 'error' })
  })
  afterEach(() => {
    seen.length = 0
    routes.clear()
  })
  afterAll(() => server.close())

  return {
    seen,
    /** Answers `METHOD /path` (path without query) with JSON, or with a function of the request. */
    on(route: string, answer: Answer) {
      routes.set(route, answer)
    },
    /** Client config for this gateway (server credentials, its keys, no retries). */
    config(overrides: ClientConfig = {}): ClientConfig {
      return {
        baseUrl,
        credentials: { appId: 'app_inline', privateKey: appKey.privateJwk },
        gatewayKeys: { keys: [gatewayKey.publicJwk] },
        maxRetries: 0,
        ...overrides,
      }
    },
    client(overrides: ClientConfig = {}) {
      return createBaseClient(this.config(overrides))
    },
  }
}

export const stamp = '2025-01-01T09:00:00+08:00'

export const walletJson = (id: string, level = 'WL04', type = 'WT01') => ({
  id,
  type,
  level,
  status: 'active',
  holder: { mobile: '138****1234' },
  createdAt: stamp,
})

export const limitsJson = (walletId: string, over: Record<string, unknown> = {}) => ({
  walletId,
  level: 'WL04',
  caps: { balance: 1_000_000, single: 200_000, daily: 500_000, annual: 5_000_000 },
  used: { today: 0, thisYear: 0 },
  balance: 1_000_000,
  dailyResetAt: '2025-01-02T00:00:00+08:00',
  annualResetAt: '2026-01-01T00:00:00+08:00',
  ...over,
})

export const orderJson = (id: string, status = 'created', amount = 1_250) => ({
  id,
  merchantId: 'mch_1',
  merchantOrderNo: 'A-1',
  mode: 'qr',
  status,
  amount,
  paidAmount: status === 'succeeded' ? amount : 0,
  refundedAmount: 0,
  currency: 'CNY',
  description: 'Coffee',
  expiresAt: stamp,
  createdAt: stamp,
  updatedAt: stamp,
})

export { HttpResponse }
