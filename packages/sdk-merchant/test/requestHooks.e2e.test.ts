import type { HookName, RequestEvent } from '@ecny/sdk-core'
import { useMerchantRails } from '@ecny/test-utils'
import { expect, it } from 'vitest'

const h = useMerchantRails()

it('createMerchantClient passes request hooks on: each call names its operation and route template', async () => {
  const events: (RequestEvent & { hook: HookName })[] = []
  const record = (hook: HookName) => (event: RequestEvent) => {
    events.push({ hook, ...event })
  }
  const client = h.clientWith({
    hooks: { onRequest: record('onRequest'), onResponse: record('onResponse'), onError: record('onError') },
  })
  const order = await client.orders.create({
    mode: 'qr',
    merchantOrderNo: 'HOOK-1',
    amount: 1_250,
    description: 'Latte',
  })
  await client.orders.get({ orderId: order.id })

  expect(
    events.map((event) => [event.hook, event.operation, event.method, event.route, event.status]),
  ).toEqual([
    ['onRequest', 'createOrder', 'POST', '/v1/orders', undefined],
    ['onResponse', 'createOrder', 'POST', '/v1/orders', 200],
    ['onRequest', 'getOrder', 'GET', '/v1/orders/{id}', undefined],
    ['onResponse', 'getOrder', 'GET', '/v1/orders/{id}', 200],
  ])
  expect(events[1]!.idempotencyKey).toMatch(/^idk_/)
  expect(events[1]!.requestId).toEqual(expect.any(String))
  expect(JSON.stringify(events)).not.toContain(order.id)
})
