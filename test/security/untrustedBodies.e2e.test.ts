import { rejectionOf } from '@ecny/test-utils'
/**
 * What a man in the middle (or a wrong `baseUrl`) can send besides forged signatures: a poisoned
 * JWKS answer and a body too large to hold. Over real HTTP against the sandbox, the SDK keeps its
 * last good gateway keys, and stops reading an oversized answer before it verifies anything.
 */

import { createServer } from 'node:http'
import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { createClient } from '@ecny/sdk-core'
import {
  attackerKey,
  closeServer,
  decodeJws,
  es256,
  forgeJws,
  listen,
  type MitmProxy,
  startProxy,
} from '@ecny/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let sandbox: Sandbox
let proxy: MitmProxy
let walletId: string

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 41, log: false })
  walletId = sandbox.rails.engine.openWallet({ level: 'WL04', mobile: '13900004001' }).id
  proxy = await startProxy(sandbox.url)
})
afterAll(async () => {
  await proxy?.close()
  await sandbox?.close()
})

describe('untrusted bodies (security)', () => {
  it.each([
    ['{"keys":[null]}', '{"keys":[null]}'],
    ['"abc"', '"abc"'],
    ['{}', '{}'],
  ])('a JWKS answer of %s does not replace the good keys', async (_, poison) => {
    proxy.hooks = {}
    const client = createClient({
      baseUrl: proxy.url,
      credentials: sandbox.credentials,
      gatewayKeys: `${proxy.url}/.well-known/jwks.json`,
      maxRetries: 0,
    })
    expect((await client.wallets.balance({ walletId })).available).toBe(0)
    // A forged answer naming an unknown kid makes the SDK refetch the JWKS; the attacker poisons that.
    const attacker = attackerKey()
    proxy.hooks.response = (exchange, response) => {
      if (exchange.path === '/.well-known/jwks.json') return { ...response, body: Buffer.from(poison) }
      const { header, claims } = decodeJws(String(response.headers['ecny-signature']))
      const signature = forgeJws({ ...header, kid: 'gw-attacker' }, claims, es256(attacker.privateJwk))
      return { ...response, headers: { ...response.headers, 'ecny-signature': signature } }
    }
    expect((await rejectionOf(client.wallets.balance({ walletId }))).code).toBe('signature_invalid')
    // The attacker leaves; genuine answers verify with the keys the SDK already had, without
    // fetching the JWKS again.
    let jwksFetches = 0
    proxy.hooks = {
      request: (exchange) => {
        if (exchange.path === '/.well-known/jwks.json') jwksFetches++
        return undefined
      },
    }
    expect((await client.wallets.balance({ walletId })).available).toBe(0)
    expect((await client.wallets.balance({ walletId })).available).toBe(0)
    expect(jwksFetches).toBe(0)
  })

  it('an unsigned answer of 512 MiB is response_too_large, and the server sees the socket closed early', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x')
    const offered = 512 * 1024 * 1024
    let written = 0
    let closedEarly = false
    const giant = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.on('close', () => {
        closedEarly = written < offered
      })
      const pump = () => {
        while (written < offered) {
          written += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        res.end()
      }
      pump()
    })
    const url = await listen(giant)
    try {
      const client = createClient({
        baseUrl: url,
        credentials: sandbox.credentials,
        gatewayKeys: { keys: [] },
        maxRetries: 0,
      })
      const error = await rejectionOf(client.wallets.balance({ walletId }))
      expect(error.code).toBe('response_too_large')
      for (let i = 0; i < 200 && !closedEarly; i++) await new Promise((resolve) => setTimeout(resolve, 10))
      expect(closedEarly).toBe(true)
      expect(written).toBeLessThan(64 * 1024 * 1024)
    } finally {
      giant.closeAllConnections()
      await closeServer(giant)
    }
  })
})
