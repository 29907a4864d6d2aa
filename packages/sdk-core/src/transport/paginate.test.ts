import { http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { baseUrl, type GatewayKey, makeKeyPair, signedJson } from '../../test/fakeGateway.js'
import { createBaseClient } from '../client/createBaseClient.js'
import { paginate } from './paginate.js'

const server = setupServer()
let gatewayKey: GatewayKey
let appKey: GatewayKey
beforeAll(async () => {
  gatewayKey = await makeKeyPair('gw')
  appKey = await makeKeyPair('app')
  server.listen({ onUnhandledRequest: 'error' })
})
afterAll(() => server.close())

it('walks cursors page by page and stops fetching when the caller breaks', async () => {
  const items = Array.from({ length: 7 }, (_, i) => ({ n: i }))
  const seen: Array<string | null> = []
  server.use(
    http.get(`${baseUrl}/v1/things`, ({ request }) => {
      const url = new URL(request.url)
      const cursor = url.searchParams.get('cursor')
      const limit = Number(url.searchParams.get('limit'))
      seen.push(cursor)
      const start = cursor ? Number(cursor) : 0
      const next = start + limit < items.length ? String(start + limit) : null
      return signedJson(request, gatewayKey, 200, {
        data: items.slice(start, start + limit),
        nextCursor: next,
      })
    }),
  )
  const client = createBaseClient({
    baseUrl,
    credentials: { appId: 'app', privateKey: appKey.privateJwk },
    gatewayKeys: { keys: [gatewayKey.publicJwk] },
  })
  const all: number[] = []
  for await (const item of paginate(client, {
    path: '/v1/things',
    item: z.object({ n: z.number() }),
    pageSize: 3,
  }))
    all.push(item.n)
  expect(all).toEqual([0, 1, 2, 3, 4, 5, 6])
  expect(seen).toEqual([null, '3', '6'])

  seen.length = 0
  for await (const item of paginate(client, {
    path: '/v1/things',
    item: z.object({ n: z.number() }),
    pageSize: 3,
  })) {
    if (item.n === 1) break
  }
  expect(seen).toEqual([null])
})
