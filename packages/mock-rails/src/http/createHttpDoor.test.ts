import { operations } from '@ecny/protocol'
import { describe, expect, it } from 'vitest'
import { createFaultInjector } from '../faults/faultInjector.js'
import { createGatewayKeyRing } from '../signing/gatewayKeyRing.js'
import { createRailsClock } from '../support/railsClock.js'
import { createAppRegistry } from './auth/appRegistry.js'
import { createClientTokenStore } from './auth/clientTokens.js'
import { createReplayCache } from './auth/replayCache.js'
import { createHttpDoor } from './createHttpDoor.js'
import { createIdempotencyStore } from './idempotencyStore.js'
import type { RouteDefinition } from './routeDefinition.js'

/** A door over hand-made routes, reached with client tokens (no request signatures needed). */
function doorWith(routes: RouteDefinition[]) {
  const clock = createRailsClock({ start: Date.parse('2025-03-10T02:00:00Z') })
  const tokens = createClientTokenStore()
  const idempotency = createIdempotencyStore()
  const door = createHttpDoor({
    context: { engine: { expireDueOrders: () => undefined }, campaigns: { sync: () => undefined } } as never,
    clock,
    apps: createAppRegistry(),
    tokens,
    replays: createReplayCache(300_000),
    idempotency,
    faults: createFaultInjector(1),
    keys: createGatewayKeyRing(clock),
    routes,
    openapi: () => ({}),
  })
  const token = tokens.mint('app_1', { type: 'wallet_opening', id: 'person-1' }, 900, clock.now()).token
  const post = (path: string, key: string) =>
    door(
      new Request(`http://rails.test${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'idempotency-key': key,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ type: 'WT01', level: 'WL04', mobile: '13800138000' }),
      }),
    )
  return { tokens, token, idempotency, post }
}

describe('the HTTP door gives up an idempotency claim it cannot complete', () => {
  it('a handler throwing a non-RailsError: no record stays claimed, the same key is served next time', async () => {
    let failures = 1
    const t = doorWith([
      {
        ...operations.openWallet,
        tokenAccess: () => true,
        handle: () => {
          if (failures-- > 0) throw new TypeError('store briefly broken')
          return { id: 'w_1' }
        },
      },
    ])
    const failed = await t.post('/v1/wallets', 'k-1')
    expect(failed.status).toBe(500)
    expect(t.idempotency.size()).toBe(0)
    const retried = await t.post('/v1/wallets', 'k-1')
    expect(retried.status).toBe(200)
    expect(await retried.json()).toEqual({ id: 'w_1' })
  })

  it('a used wallet_opening token asking with a new key: refused, and the key is not left claimed', async () => {
    const t = doorWith([
      { ...operations.openWallet, tokenAccess: () => true, claimsToken: true, handle: () => ({}) },
    ])
    t.tokens.rescope(t.token, { type: 'wallet', id: 'w_1' })
    const refused = await t.post('/v1/wallets', 'k-2')
    expect(refused.status).toBe(403)
    expect(t.idempotency.size()).toBe(0)
  })
})
