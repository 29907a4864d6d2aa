import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { rejectionOf } from '@ecny/test-utils'
import axios from 'axios'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { makeKeyPair } from '../../../test/fakeGateway.js'
import { createBaseClient } from '../../client/createBaseClient.js'
import { axiosHttp } from './axiosHttp.js'
import { fetchHttp } from './fetchHttp.js'
import type { HttpClient } from './HttpClient.js'

const MiB = 1024 * 1024
/** What the server offers: far more than any cap, unsigned, written only as fast as the client reads. */
const offered = 512 * MiB
const chunk = Buffer.alloc(64 * 1024, 'a')

let server: Server
let url = ''
/** Bytes the server managed to write per path, and whether the client closed the socket early. */
const sent = new Map<string, { bytes: number; closedEarly: boolean }>()

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/'
    const record = { bytes: 0, closedEarly: false }
    sent.set(path, record)
    const withLength = path.includes('length')
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(withLength ? { 'content-length': String(offered) } : {}),
    })
    res.on('close', () => {
      record.closedEarly = record.bytes < offered
    })
    const pump = () => {
      while (record.bytes < offered) {
        record.bytes += chunk.length
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      res.end()
    }
    pump()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.closeAllConnections()
  return new Promise<void>((resolve) => server.close(() => resolve()))
})

/** Waits until the server has seen the socket close (it does soon after the client gives up). */
async function closed(path: string) {
  for (let i = 0; i < 200 && !sent.get(path)?.closedEarly; i++) await new Promise((r) => setTimeout(r, 10))
  return sent.get(path)!
}

const clients: Array<[string, () => HttpClient]> = [
  ['axios', () => axiosHttp(axios.create())],
  ['fetch', () => fetchHttp()],
]

describe.each(clients)('%s adapter with maxResponseBytes', (name, make) => {
  it.each(['chunked', 'length'])(
    'stops reading a %s body past the cap: response_too_large, socket closed early',
    async (kind) => {
      const path = `/${name}-${kind}`
      const error = await rejectionOf(
        make().send({ method: 'GET', url: `${url}${path}`, headers: {}, maxResponseBytes: 1 * MiB }),
      )
      expect(error.code).toBe('response_too_large')
      const record = await closed(path)
      expect(record.closedEarly).toBe(true)
      // Back-pressure and socket buffers let a few MiB through at most, never the 512 MiB offered.
      expect(record.bytes).toBeLessThan(64 * MiB)
    },
  )
})

describe('the client applies maxResponseBytes (default 16 MiB) before verifying anything', () => {
  it.each(['axios', 'fetch'] as const)(
    '%s: an unsigned 512 MiB answer is response_too_large, without buffering it',
    async (kind) => {
      const appKey = await makeKeyPair('app-key-1')
      const path = `/client-${kind}`
      const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers
      const base = createBaseClient({
        baseUrl: url,
        credentials: { appId: 'app_test', privateKey: appKey.privateJwk },
        gatewayKeys: { keys: [] },
        maxRetries: 0,
        ...(kind === 'fetch' ? { fetch: globalThis.fetch } : {}),
      })
      const error = await rejectionOf(base.request({ method: 'GET', path, schema: z.unknown() }))
      expect(error.code).toBe('response_too_large')
      const record = await closed(path)
      expect(record.bytes).toBeLessThan(128 * MiB)
      const heapAfter = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers
      expect(heapAfter - heapBefore).toBeLessThan(200 * MiB)
    },
  )

  it('the JWKS fetch is capped too: a huge answer is refused, retryable, without buffering it', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'ES256', kid: 'k', typ: 'ecny-response+jws' })).toString(
      'base64url',
    )
    const appKey = await makeKeyPair('app-key-1')
    const base = createBaseClient({
      baseUrl: url,
      credentials: { appId: 'app_test', privateKey: appKey.privateJwk },
      gatewayKeys: `${url}/jwks-huge`,
      maxRetries: 0,
    })
    const error = await rejectionOf(
      base.verifyGatewaySignature({ signature: `${header}.e30.c2ln`, type: 'ecny-response+jws' }),
    )
    expect(error).toMatchObject({ code: 'signature_invalid', retryable: true })
    const record = await closed('/jwks-huge')
    expect(record.bytes).toBeLessThan(64 * MiB)
  })
})
