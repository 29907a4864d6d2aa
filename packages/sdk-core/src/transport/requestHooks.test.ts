import { operations } from '@ecny/protocol'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import {
  baseUrl,
  errorJson,
  type GatewayKey,
  jwksHandler,
  makeKeyPair,
  signedJson,
} from '../../test/fakeGateway.js'
import { listSubWallets } from '../actions/wallets/listSubWallets.js'
import type { ClientConfig } from '../client/config.js'
import { createBaseClient } from '../client/createBaseClient.js'
import { fromOperation } from './fromOperation.js'
import type { HookName, RequestEvent, RequestHooks } from './requestHooks.js'

const server = setupServer()
let gatewayKey: GatewayKey
let appKey: GatewayKey
const echo = z.looseObject({ ok: z.boolean() })

beforeAll(async () => {
  gatewayKey = await makeKeyPair('gw-1')
  appKey = await makeKeyPair('app-key-1')
  server.listen({ onUnhandledRequest: 'error' })
})
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** Hooks that record every event with the hook's name. */
function recorder() {
  const events: (RequestEvent & { hook: HookName })[] = []
  const record = (hook: HookName) => (event: RequestEvent) => {
    events.push({ hook, ...event })
  }
  const hooks: RequestHooks = {
    onRequest: record('onRequest'),
    onResponse: record('onResponse'),
    onRetry: record('onRetry'),
    onError: record('onError'),
  }
  return { events, hooks }
}

function client(overrides: ClientConfig = {}) {
  return createBaseClient({
    baseUrl,
    credentials: { appId: 'app_test', privateKey: appKey.privateJwk },
    gatewayKeys: { keys: [gatewayKey.publicJwk] },
    ...overrides,
  })
}

describe('request lifecycle hooks', () => {
  it('report each attempt of a retried call with the operation, route template, status and request id', async () => {
    let calls = 0
    server.use(
      http.get(`${baseUrl}/v1/orders/:id`, ({ request }) =>
        ++calls === 1
          ? signedJson(request, gatewayKey, 503, errorJson('service_unavailable', 'busy', true), {
              headers: { 'retry-after': '0' },
            })
          : signedJson(request, gatewayKey, 200, { ok: true }),
      ),
    )
    const { events, hooks } = recorder()
    await client({ hooks }).request({ ...fromOperation(operations.getOrder, { id: 'ord_1' }), schema: echo })

    expect(events.map((event) => [event.hook, event.attempt, event.status])).toEqual([
      ['onRequest', 1, undefined],
      ['onResponse', 1, 503],
      ['onRetry', 1, 503],
      ['onRequest', 2, undefined],
      ['onResponse', 2, 200],
    ])
    for (const event of events) {
      expect(event).toMatchObject({
        operation: 'getOrder',
        method: 'GET',
        route: '/v1/orders/{id}',
        serverAddress: 'gateway.test',
        callId: events[0]!.callId,
        idempotencyKey: undefined,
      })
      expect(event.durationMs).toBeGreaterThanOrEqual(0)
    }
    expect(events[1]!.requestId).toMatch(/^req_test_/)
    expect(events[4]!.requestId).toMatch(/^req_test_/)
    expect(events[4]!.requestId).not.toBe(events[1]!.requestId)
    expect(events[1]!.error).toEqual({
      name: 'GatewayError',
      code: 'service_unavailable',
      message: 'busy',
      retryable: true,
    })
    expect(events[2]).toMatchObject({ error: { code: 'service_unavailable' }, retryInMs: 0 })
    expect(events[4]!.error).toBeUndefined()
    expect(events[0]!.callId).toMatch(/^call_/)
  })

  it('end a failed call with onError carrying the code; ids in the key, message and a bare path are masked', async () => {
    server.use(
      http.post(`${baseUrl}/v1/wallets/:walletId/freeze`, ({ request }) =>
        signedJson(
          request,
          gatewayKey,
          403,
          errorJson('permission_denied', 'wallet 0022501234565081 is frozen'),
        ),
      ),
    )
    const { events, hooks } = recorder()
    const error = await client({ hooks })
      .request({
        method: 'POST',
        path: '/v1/wallets/0022501234565081/freeze',
        idempotencyKey: 'freeze-13812341234',
        schema: echo,
      })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'permission_denied' })

    expect(events.map((event) => event.hook)).toEqual(['onRequest', 'onResponse', 'onError'])
    const failed = events[2]!
    expect(failed).toMatchObject({
      operation: undefined,
      method: 'POST',
      route: '/v1/wallets/002250******5081/freeze',
      attempt: 1,
      status: 403,
      idempotencyKey: 'freeze-138****1234',
      error: { code: 'permission_denied', message: 'wallet 002250******5081 is frozen', retryable: false },
    })
    expect(JSON.stringify(events)).not.toContain('0022501234565081')
    expect(JSON.stringify(events)).not.toContain('13812341234')
  })

  it('carry no secrets: no token, signature or body', async () => {
    server.use(
      jwksHandler(() => [gatewayKey]),
      http.post(`${baseUrl}/v1/transfers`, ({ request }) =>
        signedJson(request, gatewayKey, 200, { ok: true }),
      ),
    )
    const { events, hooks } = recorder()
    await createBaseClient({ baseUrl, clientToken: 'ct_secret_value', hooks }).request({
      method: 'POST',
      path: '/v1/transfers',
      body: { note: 'body_secret_value' },
      schema: echo,
    })
    const text = JSON.stringify(events)
    expect(events).toHaveLength(2)
    expect(text).not.toContain('ct_secret_value')
    expect(text).not.toContain('body_secret_value')
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\./)
    expect(Object.keys(events[1]!).sort()).toEqual(
      [
        'attempt',
        'callId',
        'durationMs',
        'hook',
        'idempotencyKey',
        'method',
        'operation',
        'requestId',
        'route',
        'serverAddress',
        'status',
      ].sort(),
    )
  })

  it('report a connection failure without onResponse: onRetry, then onError once the retries are spent', async () => {
    server.use(http.get(`${baseUrl}/v1/ping`, () => HttpResponse.error()))
    const { events, hooks } = recorder()
    const error = await client({ hooks, maxRetries: 1 })
      .request({ method: 'GET', path: '/v1/ping', schema: echo })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'connection_error' })
    expect(events.map((event) => [event.hook, event.attempt, event.error?.code])).toEqual([
      ['onRequest', 1, undefined],
      ['onRetry', 1, 'connection_error'],
      ['onRequest', 2, undefined],
      ['onError', 2, 'connection_error'],
    ])
  })

  it('name the operation and route template of list actions too (paginated)', async () => {
    server.use(
      http.get(`${baseUrl}/v1/wallets/:id/sub-wallets`, ({ request }) =>
        signedJson(request, gatewayKey, 200, { data: [], nextCursor: null }),
      ),
    )
    const { events, hooks } = recorder()
    await listSubWallets(client({ hooks }), { walletId: '0022501234565081' })
    expect(events.map((event) => [event.hook, event.operation, event.route])).toEqual([
      ['onRequest', 'listSubWallets', '/v1/wallets/{id}/sub-wallets'],
      ['onResponse', 'listSubWallets', '/v1/wallets/{id}/sub-wallets'],
    ])
  })

  it('a hook that throws or rejects does not break the call, and is logged once', async () => {
    server.use(
      http.get(`${baseUrl}/v1/ping`, ({ request }) => signedJson(request, gatewayKey, 200, { ok: true })),
    )
    const warnings: unknown[][] = []
    const logger = { debug() {}, info() {}, error() {}, warn: (...args: unknown[]) => warnings.push(args) }
    const base = client({
      logger,
      hooks: {
        onRequest: () => {
          throw new Error('hook bug')
        },
        onResponse: async () => {
          throw new Error('async hook bug')
        },
      },
    })
    await expect(base.request({ method: 'GET', path: '/v1/ping', schema: echo })).resolves.toEqual({
      ok: true,
    })
    await expect(base.request({ method: 'GET', path: '/v1/ping', schema: echo })).resolves.toEqual({
      ok: true,
    })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(warnings).toHaveLength(1)
    expect(String(warnings[0]![0])).toContain('onRequest request hook failed')
  })
})
