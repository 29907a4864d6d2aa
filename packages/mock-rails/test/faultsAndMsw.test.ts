import { createSignedClient, httpSetup } from '@ecny/test-utils'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRails } from '../src/createRails.js'
import { railsHandlers } from '../src/msw/railsHandlers.js'

async function faultSequence(seed: number) {
  const { client } = await httpSetup({ seed, faults: { rate5xx: 0.2, rate429: 0.2, dropAfterCommit: 0.2 } })
  const outcomes: string[] = []
  for (let i = 0; i < 40; i++) {
    const response = await client.call('GET', `/v1/orders?merchantOrderNo=none${i}`)
    outcomes.push(response.status === 0 ? 'dropped' : String(response.status))
  }
  return outcomes
}

describe('fault injection', () => {
  it('the same seed gives the same fault sequence; another seed a different one', async () => {
    const a = await faultSequence(7)
    expect(await faultSequence(7)).toEqual(a)
    expect(await faultSequence(8)).not.toEqual(a)
    expect(new Set(a)).toEqual(new Set(['404', '429', '503', 'dropped']))
  })

  it('429 carries Retry-After; 503 applies nothing; a dropped create was committed and replays by key', async () => {
    const { client, rails, merchant } = await httpSetup({ seed: 3 })
    rails.faults.set({ rate429: 1 })
    const limited = await client.call('POST', '/v1/orders', {
      merchantOrderNo: 'X1',
      amount: 1,
      description: 'x',
      mode: 'qr',
    })
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '1'])
    rails.faults.set({ rate5xx: 1 })
    const unavailable = await client.call('POST', '/v1/orders', {
      merchantOrderNo: 'X1',
      amount: 1,
      description: 'x',
      mode: 'qr',
    })
    expect(unavailable.status).toBe(503)
    expect(() => rails.engine.findOrderByMerchantOrderNo(merchant.id, 'X1')).toThrow(/No order/)
    rails.faults.set({ routes: { 'POST /v1/orders': { dropAfterCommit: 1 } } })
    const body = { merchantOrderNo: 'X2', amount: 1, description: 'x', mode: 'qr' }
    const dropped = await rails.handle(new Request('http://x/v1/orders', { method: 'POST' }))
    expect(dropped.status).toBe(401) // faults come after authentication
    const lost = await client.call('POST', '/v1/orders', body, { idempotencyKey: 'drop-1' })
    expect(lost.status).toBe(0)
    expect(rails.engine.findOrderByMerchantOrderNo(merchant.id, 'X2').status).toBe('created')
    rails.faults.set({})
    const retried = await client.call('POST', '/v1/orders', body, { idempotencyKey: 'drop-1' })
    expect(retried.headers.get('idempotent-replayed')).toBe('true')
    expect(retried.json).toMatchObject({ merchantOrderNo: 'X2' })
  })
})

describe('msw handlers', () => {
  const rails = createRails({ seed: 5 })
  const server = setupServer(...railsHandlers(rails, { baseUrl: 'https://gateway.test/api' }))
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  it('answer fetch calls from the rails; a drop becomes a network error', async () => {
    const merchant = rails.seedMerchant()
    const app = await rails.createDemoApp({ merchantIds: [merchant.id] })
    const client = createSignedClient({ ...app, baseUrl: 'https://gateway.test/api' })
    const created = await client.call('POST', '/v1/orders', {
      merchantOrderNo: 'M1',
      amount: 1,
      description: 'x',
      mode: 'qr',
    })
    expect(created.json).toMatchObject({ merchantId: merchant.id })
    const jwks = await fetch('https://gateway.test/api/.well-known/jwks.json').then((r) => r.json())
    expect(jwks).toEqual(await rails.jwks())
    rails.faults.set({ dropAfterCommit: 1 })
    await expect(
      client.call('POST', '/v1/orders', { merchantOrderNo: 'M2', amount: 1, description: 'x', mode: 'qr' }),
    ).rejects.toThrow(/fetch failed|Failed to fetch|network/i)
    rails.faults.set({})
    expect(rails.engine.findOrderByMerchantOrderNo(merchant.id, 'M2').status).toBe('created')
  })
})
