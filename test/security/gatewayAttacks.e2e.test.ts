/**
 * Attacks on the SDK ⇄ gateway channel, end to end: the real sandbox on 127.0.0.1, the real SDK, and
 * in between a man-in-the-middle proxy or a hand-made request. The package tests already cover each
 * check in isolation (msw, in-process rails); here the question is what happens over real HTTP: every
 * attack is refused with the right `EcnyError` code and nothing is applied — the ledger, the wallets
 * and the transfer count stay exactly as they were.
 */

import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { createClient, createKeySigner, EcnyError, type Signer } from '@ecny/sdk-core'
import { bodyDigest, isKnownErrorCode, signRequest, z } from '@ecny/sdk-core/internal'
import {
  attackerKey,
  decodeJws,
  type Exchange,
  errorCodeOf,
  es256,
  forgeJws,
  fundedWallet,
  hs256,
  type MitmProxy,
  publicKeyAsSecrets,
  type RawResponse,
  sendRaw,
  startProxy,
} from '@ecny/test-utils'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { maxBodyBytes } from '../../packages/mock-rails/src/http/createHttpDoor.js'

let sandbox: Sandbox
let proxy: MitmProxy
let payer: string
let payee: string
let realSigner: Signer

/** Everything an attack could change: the ledger's entry count and total, both balances, transfers. */
function state() {
  const { engine, ledger } = sandbox.rails
  const verification = ledger.verify()
  return {
    entries: verification.entryCount,
    total: verification.total,
    payer: engine.getBalance(payer).available,
    payee: engine.getBalance(payee).available,
    transfers: engine.listWalletTransfers(payer, { limit: 100 }).data.length,
  }
}

/** Runs `attack`, expects an `EcnyError` with `code`, and that nothing changed on the rails. */
async function refused(code: string, attack: () => Promise<unknown>) {
  const before = state()
  const error = await attack().then(
    () => {
      throw new Error(`the attack succeeded; expected ${code}`)
    },
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(EcnyError)
  expect((error as EcnyError).code).toBe(code)
  expect(state()).toEqual(before)
  return error as EcnyError
}

/** A client whose requests are signed by `signer` (an attacker's, or a broken one). */
const clientSignedBy = (signer: Signer, baseUrl = sandbox.url) =>
  createClient({ baseUrl, credentials: { appId: sandbox.credentials.appId, signer }, maxRetries: 0 })

const transfer = (client: ReturnType<typeof createClient>, amount = 100) =>
  client.transfers.create({ fromWalletId: payer, toWalletId: payee, amount, precheck: false })

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 31, log: false })
  payer = fundedWallet(sandbox.rails, 100_000, '13900001001')
  payee = fundedWallet(sandbox.rails, 0, '13900001002')
  realSigner = await createKeySigner({ privateKey: sandbox.credentials.privateKey })
  proxy = await startProxy(sandbox.url)
})

afterAll(async () => {
  await proxy?.close()
  await sandbox?.close()
})

beforeEach(() => {
  proxy.hooks = {}
})

describe('forged and broken request signatures (the gateway refuses, 401)', () => {
  const kid = () => sandbox.credentials.kid

  it('alg "none" with an empty signature → authentication_failed', async () => {
    const none: Signer = { alg: 'none', kid: kid(), sign: async () => new Uint8Array() }
    await refused('authentication_failed', () => transfer(clientSignedBy(none)))
  })

  it('HS256 keyed with the app’s public key (JWK JSON, PEM, raw x‖y) → authentication_failed', async () => {
    for (const secret of publicKeyAsSecrets(sandbox.credentials.publicJwk as never)) {
      const confused: Signer = {
        alg: 'HS256',
        kid: kid(),
        sign: async (input) => hs256(secret)(Buffer.from(input)),
      }
      await refused('authentication_failed', () => transfer(clientSignedBy(confused)))
    }
  })

  it('a key nobody registered, under the real kid → authentication_failed', async () => {
    const forged = es256(attackerKey().privateJwk)
    const impostor: Signer = { alg: 'ES256', kid: kid(), sign: async (input) => forged(Buffer.from(input)) }
    await refused('authentication_failed', () => transfer(clientSignedBy(impostor)))
  })

  it('an unknown kid → unknown_key', async () => {
    const unknown: Signer = { alg: 'ES256', kid: `${kid()}-rotated-away`, sign: realSigner.sign }
    await refused('unknown_key', () => transfer(clientSignedBy(unknown)))
  })

  it('the right key under the wrong algorithm (EdDSA header, ES256 signature) → authentication_failed', async () => {
    const mislabelled: Signer = { alg: 'EdDSA', kid: kid(), sign: realSigner.sign }
    await refused('authentication_failed', () => transfer(clientSignedBy(mislabelled)))
  })

  it('a signature 10 minutes old, or 10 minutes ahead → request_expired', async () => {
    for (const skew of [-600_000, 600_000]) {
      const client = createClient({
        baseUrl: sandbox.url,
        credentials: sandbox.credentials,
        maxRetries: 0,
        now: () => Date.now() + skew,
        // The client's own check of the gateway's (correct) time must not hide the gateway's answer.
        signatureToleranceSeconds: 3_600,
      })
      await refused('request_expired', () => transfer(client))
    }
  })
})

describe('a man in the middle altering requests', () => {
  const viaProxy = () => createClient({ baseUrl: proxy.url, credentials: sandbox.credentials, maxRetries: 0 })

  it('a tampered body (the amount raised in transit) → authentication_failed, nothing moves', async () => {
    proxy.hooks.request = (exchange) =>
      exchange.method === 'POST'
        ? {
            ...exchange,
            body: Buffer.from(exchange.body.toString('utf8').replace('"amount":100', '"amount":99900')),
          }
        : undefined
    await refused('authentication_failed', () => transfer(viaProxy()))
  })

  it('a tampered path (another wallet’s balance) → the gateway refuses it, and its answer names the other path', async () => {
    proxy.hooks.request = (exchange) => ({ ...exchange, path: exchange.path.replace(payer, payee) })
    // The gateway answers 401 for the altered request; that answer is bound to the path it received,
    // not the one the SDK sent, so the SDK reports the exchange as tampered.
    const error = await refused('signature_invalid', () => viaProxy().wallets.balance({ walletId: payer }))
    expect(error.message).toContain(`${payee.slice(0, 6)}******${payee.slice(-4)}`)
    expect(error.message).not.toContain(payee)
  })

  it('a signature lifted onto another request (same app, other body) → authentication_failed', async () => {
    let lifted: string | undefined
    proxy.hooks.request = (exchange) => {
      lifted ??= String(exchange.headers['ecny-signature'])
      return { ...exchange, headers: { ...exchange.headers, 'ecny-signature': lifted } }
    }
    await viaProxy().wallets.balance({ walletId: payer }) // GET: its signature is the one lifted
    await refused('authentication_failed', () => transfer(viaProxy()))
  })

  it('a recorded request replayed verbatim, with or without its idempotency key → request_replayed', async () => {
    let recorded: Exchange | undefined
    proxy.hooks.request = (exchange) => {
      if (exchange.method === 'POST') recorded = exchange
      return undefined
    }
    const before = state()
    await transfer(viaProxy(), 250)
    const after = state()
    expect(after.payer).toBe(before.payer - 250)
    expect(recorded).toBeDefined()
    const { 'idempotency-key': _key, ...withoutKey } = recorded!.headers
    for (const replay of [
      recorded!,
      { ...recorded!, headers: withoutKey },
      { ...recorded!, headers: { ...recorded!.headers, 'idempotency-key': 'idk_attacker' } },
    ]) {
      const response = await sendRaw(sandbox.url, replay)
      expect(response.status).toBe(401)
      expect(errorCodeOf(response)).toBe('request_replayed')
    }
    expect(state()).toEqual(after) // paid once, whatever was replayed
  })
})

describe('bodies the gateway must not parse', () => {
  /** A correctly signed raw POST of exactly these bytes. */
  async function signedPost(path: string, body: Buffer): Promise<RawResponse> {
    const signature = await signRequest(realSigner, {
      appId: sandbox.credentials.appId,
      method: 'POST',
      pathWithQuery: path,
      body,
    })
    return sendRaw(sandbox.url, {
      method: 'POST',
      path,
      headers: {
        'content-type': 'application/json',
        'ecny-signature': signature,
        'idempotency-key': `idk_${Math.random()}`,
      },
      body,
    })
  }

  it('malformed JSON, correctly signed → 400 malformed_json; valid JSON of the wrong shape → invalid_request', async () => {
    const before = state()
    for (const text of ['{"fromWalletId":', '{"amount":1,}', "{'amount':1}", '\u0000', 'null null']) {
      const response = await signedPost('/v1/transfers', Buffer.from(text))
      expect([response.status, errorCodeOf(response)]).toEqual([400, 'malformed_json'])
    }
    const wrong = await signedPost(
      '/v1/transfers',
      Buffer.from(JSON.stringify({ fromWalletId: payer, toWalletId: payee, amount: '100' })),
    )
    expect([wrong.status, errorCodeOf(wrong)]).toEqual([400, 'invalid_request'])
    expect(state()).toEqual(before)
  })

  it(`a body over the documented ${maxBodyBytes}-byte limit → 413 payload_too_large through the SDK; the limit itself passes`, async () => {
    const client = createClient({ baseUrl: sandbox.url, credentials: sandbox.credentials, maxRetries: 0 })
    const padded = (size: number) => {
      const base = { fromWalletId: payer, toWalletId: payee, amount: 100, memo: '' }
      const overhead = JSON.stringify(base).length
      return { ...base, memo: 'x'.repeat(size - overhead) }
    }
    expect(JSON.stringify(padded(maxBodyBytes + 1)).length).toBe(maxBodyBytes + 1)
    const error = await refused('payload_too_large', () =>
      client.request({
        method: 'POST',
        path: '/v1/transfers',
        body: padded(maxBodyBytes + 1),
        schema: z.unknown(),
      }),
    )
    expect(error.status).toBe(413)
    // At exactly the limit the body is read, verified and validated (and refused for its memo).
    await refused('invalid_request', () =>
      client.request({
        method: 'POST',
        path: '/v1/transfers',
        body: padded(maxBodyBytes),
        schema: z.unknown(),
      }),
    )
    // A declared length over the limit is refused before the body is read.
    const response = await signedPost('/v1/transfers', Buffer.alloc(maxBodyBytes + 10, 0x20))
    expect([response.status, errorCodeOf(response)]).toEqual([413, 'payload_too_large'])
  })

  it('every code the gateway answered is one the SDK documents', () => {
    for (const code of [
      'authentication_failed',
      'unknown_key',
      'request_expired',
      'request_replayed',
      'malformed_json',
      'payload_too_large',
    ])
      expect(isKnownErrorCode(code)).toBe(true)
  })
})

describe('a man in the middle altering responses (the SDK refuses them: signature_invalid)', () => {
  const viaProxy = () => createClient({ baseUrl: proxy.url, credentials: sandbox.credentials, maxRetries: 0 })
  const gatewayKey = () => sandbox.rails.snapshot().gatewayKeys.at(-1)!
  const isBalance = (exchange: Exchange) => exchange.path.endsWith('/balance')

  /** Re-signs a balance response with the attacker's choice of header, claims and key. */
  function resign(
    alter: (parts: { header: Record<string, unknown>; claims: Record<string, unknown>; body: Buffer }) => {
      header: Record<string, unknown>
      claims: Record<string, unknown>
      body?: Buffer
      sign: (input: Buffer) => Buffer | Uint8Array
    },
  ) {
    proxy.hooks.response = async (exchange, response) => {
      if (!isBalance(exchange)) return undefined
      const { header, claims } = decodeJws(String(response.headers['ecny-signature']))
      const forged = alter({ header, claims, body: response.body })
      const body = forged.body ?? response.body
      const bdh = await bodyDigest(body)
      const signature = forgeJws(forged.header, { ...forged.claims, bdh }, forged.sign)
      return { ...response, body, headers: { ...response.headers, 'ecny-signature': signature } }
    }
  }

  it('a changed balance (body altered, signature kept) is never returned', async () => {
    proxy.hooks.response = (exchange, response) =>
      isBalance(exchange)
        ? {
            ...response,
            body: Buffer.from(
              response.body.toString('utf8').replace(/"available":\d+/, '"available":99999999'),
            ),
          }
        : undefined
    await refused('signature_invalid', () => viaProxy().wallets.balance({ walletId: payer }))
  })

  it('a stripped signature, alg none, HS256 with the gateway’s public key, an unknown kid', async () => {
    proxy.hooks.response = (exchange, response) => {
      if (!isBalance(exchange)) return undefined
      const { 'ecny-signature': _stripped, ...headers } = response.headers
      return { ...response, headers }
    }
    await refused('signature_invalid', () => viaProxy().wallets.balance({ walletId: payer }))

    resign(({ header, claims }) => ({
      header: { ...header, alg: 'none' },
      claims,
      sign: () => Buffer.alloc(0),
    }))
    await refused('signature_invalid', () => viaProxy().wallets.balance({ walletId: payer }))

    for (const secret of publicKeyAsSecrets(gatewayKey().publicJwk as never)) {
      resign(({ header, claims }) => ({ header: { ...header, alg: 'HS256' }, claims, sign: hs256(secret) }))
      await refused('signature_invalid', () => viaProxy().wallets.balance({ walletId: payer }))
    }

    const attacker = attackerKey()
    resign(({ header, claims }) => ({
      header: { ...header, kid: 'gw-attacker-1' },
      claims,
      sign: es256(attacker.privateJwk),
    }))
    await refused('signature_invalid', () => viaProxy().wallets.balance({ walletId: payer }))
  })

  it('a genuine gateway signature that is stale (10 minutes old) → refused', async () => {
    const key = gatewayKey()
    resign(({ header, claims }) => ({
      header,
      claims: { ...claims, iat: Math.floor(Date.now() / 1000) - 600 },
      sign: es256(key.privateJwk as never),
    }))
    await refused('signature_invalid', () => viaProxy().wallets.balance({ walletId: payer }))
  })

  /**
   * A man in the middle answers `GET /v1/orders/B` with the genuine signed answer for order A: the
   * response claims name the request they answer (`htm`, `htu`), so it is refused.
   */
  it('a genuine response of another order, served for this one → refused (body/request mismatch)', async () => {
    const { engine } = sandbox.rails
    const order = (no: string) =>
      engine.createOrder({
        merchantId: sandbox.merchantId,
        merchantOrderNo: no,
        amount: 5,
        description: 'x',
        mode: 'qr',
      })
    const paid = order('SEC-PAID')
    engine.payOrder(paid.id, { walletId: payer })
    const unpaid = order('SEC-UNPAID')
    let paidResponse: RawResponse | undefined
    proxy.hooks.response = (exchange, response) => {
      if (exchange.path === `/v1/orders/${paid.id}`) paidResponse = response
      return exchange.path === `/v1/orders/${unpaid.id}` ? paidResponse : undefined
    }
    await viaProxy().payments.get({ orderId: paid.id }) // the attacker records a genuine "succeeded"
    await refused('signature_invalid', () => viaProxy().payments.get({ orderId: unpaid.id }))
  })

  /**
   * A genuine response recorded earlier is served again for a later request to the same URL (an old
   * balance): the claims echo the client's per-attempt `Ecny-Nonce`, so it is refused.
   */
  it('a genuine response replayed for a later request to the same URL → refused', async () => {
    let recorded: RawResponse | undefined
    proxy.hooks.response = (exchange, response) => {
      if (!isBalance(exchange)) return undefined
      recorded ??= response
      return recorded
    }
    await viaProxy().wallets.balance({ walletId: payer }) // recorded
    await transfer(createClient({ baseUrl: sandbox.url, credentials: sandbox.credentials }), 10)
    await refused('signature_invalid', () => viaProxy().wallets.balance({ walletId: payer }))
  })

  it('a tampered answer to a transfer: refused, and the transfer (which the gateway did make) is not repeated', async () => {
    proxy.hooks.response = (exchange, response) =>
      exchange.method === 'POST'
        ? {
            ...response,
            body: Buffer.from(response.body.toString('utf8').replace('"succeeded"', '"failed"')),
          }
        : undefined
    const before = state()
    const error = await transfer(viaProxy(), 70).catch((caught: unknown) => caught)
    expect((error as EcnyError).code).toBe('signature_invalid')
    const after = state()
    expect(after.payer).toBe(before.payer - 70)
    expect(after.transfers).toBe(before.transfers + 1)
  })
})
