import { clientToken, errorEnvelope, order, paymentCode, wallet as walletSchema } from '@ecny/protocol'
import { httpSetup, sha256, testCard, verifyGatewayResponse } from '@ecny/test-utils'
import { base64url, CompactSign } from 'jose'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'

const errorCode = (json: unknown) => (json as { error: { code: string } }).error.code

describe('signed responses', () => {
  it('every response, success or error, carries a request id and a gateway signature over the exact bytes', async () => {
    const { client, rails, merchant } = await httpSetup()
    const jwks = await rails.jwks()
    const ok = await client.call('POST', '/v1/orders', {
      merchantOrderNo: 'H1',
      amount: 100,
      description: 'Tea',
      mode: 'qr',
    })
    expect(ok.status).toBe(200)
    expect(z.parse(order, ok.json)).toMatchObject({ merchantId: merchant.id, status: 'created' })
    const claims = await verifyGatewayResponse(jwks, ok.headers.get('ecny-signature'), ok.bytes)
    expect(claims).toMatchObject({ iss: 'ecny-gateway', rid: ok.headers.get('ecny-request-id') })
    expect(ok.headers.get('ecny-request-id')).toMatch(/^req_/)

    const missing = await client.call('GET', '/v1/orders/ord_nope')
    expect(missing.status).toBe(404)
    const envelope = z.parse(errorEnvelope, missing.json)
    expect(envelope.error).toMatchObject({
      code: 'not_found',
      requestId: missing.headers.get('ecny-request-id'),
      retryable: false,
    })
    await expect(
      verifyGatewayResponse(jwks, missing.headers.get('ecny-signature'), missing.bytes),
    ).resolves.toBeTruthy()
  })

  it('after rotation the new key signs and the old key stays published', async () => {
    const { client, rails } = await httpSetup()
    const before = await rails.jwks()
    const { kid } = await rails.rotateGatewayKey()
    const after = await rails.jwks()
    expect(after.keys.map((k) => k.kid)).toEqual([...before.keys.map((k) => k.kid), kid])
    const response = await client.call('GET', '/.well-known/jwks.json')
    expect(response.json).toEqual(after)
    const header = JSON.parse(
      new TextDecoder().decode(base64url.decode(response.headers.get('ecny-signature')!.split('.')[0]!)),
    )
    expect(header).toEqual({ alg: 'ES256', kid, typ: 'ecny-response+jws' })
  })
})

describe('request signature rejections (all 401)', () => {
  it('bad signature, tampered body, wrong kid, alg none, HS256 with the public key, expired iat, replayed jti', async () => {
    const { client, rails, app } = await httpSetup()
    const body = { merchantOrderNo: 'S1', amount: 100, description: 'x', mode: 'qr' }
    const encoder = new TextEncoder()
    const send = async (signature: string, bytes = encoder.encode(JSON.stringify(body))) => {
      const response = await rails.handle(
        new Request('http://rails.test/v1/orders', {
          method: 'POST',
          headers: { 'ecny-signature': signature },
          body: bytes,
        }),
      )
      const json = (await response.json()) as { error?: { code: string } }
      return { status: response.status, code: json.error?.code }
    }
    const { signRequestHeader } = await import('@ecny/test-utils')
    const sign = (
      over: Parameters<typeof signRequestHeader>[4] = {},
      bytes = encoder.encode(JSON.stringify(body)),
    ) => signRequestHeader({ ...app, now: () => rails.clock.now() }, 'POST', '/v1/orders', bytes, over)

    const good = await sign()
    const [h, p, s] = good.split('.')
    const flipped = `${h}.${p}.${s!.startsWith('A') ? `B${s!.slice(1)}` : `A${s!.slice(1)}`}`
    expect(await send(flipped)).toEqual({ status: 401, code: 'authentication_failed' })

    expect(await send(await sign(), encoder.encode(JSON.stringify({ ...body, amount: 1 })))).toEqual({
      status: 401,
      code: 'authentication_failed',
    })
    expect(await send(await sign({ header: { kid: 'someone-else' } }))).toEqual({
      status: 401,
      code: 'unknown_key',
    })

    const claims = {
      iss: app.appId,
      htm: 'POST',
      htu: '/v1/orders',
      iat: Math.floor(rails.clock.now() / 1000),
      jti: 'n1',
      bdh: await sha256(encoder.encode(JSON.stringify(body))),
    }
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', kid: app.kid, typ: 'ecny-request+jws' }))}.${base64url.encode(JSON.stringify(claims))}.`
    expect(await send(none)).toEqual({ status: 401, code: 'authentication_failed' })

    const hs = await new CompactSign(encoder.encode(JSON.stringify({ ...claims, jti: 'n2' })))
      .setProtectedHeader({ alg: 'HS256', kid: app.kid, typ: 'ecny-request+jws' })
      .sign(encoder.encode(JSON.stringify(app.publicJwk)))
    expect(await send(hs)).toEqual({ status: 401, code: 'authentication_failed' })

    const now = Math.floor(rails.clock.now() / 1000)
    expect(await send(await sign({ claims: { iat: now - 301 } }))).toEqual({
      status: 401,
      code: 'request_expired',
    })
    expect((await send(await sign({ claims: { iat: now - 300 } }))).status).toBe(200)
    expect(await send(await sign({ claims: { htu: '/v1/orders?x=1' } }))).toEqual({
      status: 401,
      code: 'authentication_failed',
    })

    const once = await sign()
    expect((await send(once)).status).toBe(200)
    expect(await send(once)).toEqual({ status: 401, code: 'request_replayed' })

    const anonymous = await client.call('GET', '/v1/orders?merchantOrderNo=S1', undefined, { unsigned: true })
    expect(anonymous.status).toBe(401)
  })
})

describe('request bodies', () => {
  it('malformed JSON → 400 malformed_json; invalid fields → 400 invalid_request with issues; > 1 MiB → 413', async () => {
    const { client } = await httpSetup()
    const malformed = await client.call('POST', '/v1/orders', undefined, { rawBody: '{"amount":' })
    expect([malformed.status, errorCode(malformed.json)]).toEqual([400, 'malformed_json'])
    const invalid = await client.call('POST', '/v1/orders', {
      merchantOrderNo: 'X',
      amount: 1.5,
      description: 'a&b',
      mode: 'qr',
    })
    expect(invalid.status).toBe(400)
    expect(
      (invalid.json as { error: { details: { issues: Array<{ path: string }> } } }).error.details.issues.map(
        (i) => i.path,
      ),
    ).toEqual(['amount', 'description'])
    const big = await client.call('POST', '/v1/orders', undefined, {
      rawBody: `{"x":"${'a'.repeat(1024 * 1024)}"}`,
    })
    expect([big.status, errorCode(big.json)]).toEqual([413, 'payload_too_large'])
  })

  it('pagination over HTTP: ?limit&cursor → {data, nextCursor}', async () => {
    const { client, wallet, engine } = await httpSetup()
    engine.redeem(wallet.id, { amount: 1, bankCard: testCard })
    const first = await client.call('GET', `/v1/wallets/${wallet.id}/transactions?limit=1`)
    const page1 = first.json as { data: Array<{ kind: string }>; nextCursor: string }
    expect(page1.data[0]!.kind).toBe('redemption')
    const second = await client.call(
      'GET',
      `/v1/wallets/${wallet.id}/transactions?limit=1&cursor=${page1.nextCursor}`,
    )
    expect(second.json).toMatchObject({ data: [{ kind: 'top_up' }], nextCursor: null })
    const bad = await client.call('GET', `/v1/wallets/${wallet.id}/transactions?limit=0`)
    expect(bad.status).toBe(400)
  })
})

describe('idempotency', () => {
  it('same key + same body replays byte-identical; different body → 409 idempotency_conflict', async () => {
    const { client, rails } = await httpSetup()
    const body = { merchantOrderNo: 'I1', amount: 100, description: 'x', mode: 'qr' }
    const first = await client.call('POST', '/v1/orders', body, { idempotencyKey: 'k1' })
    const again = await client.call('POST', '/v1/orders', body, { idempotencyKey: 'k1' })
    expect(again.text).toBe(first.text)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    await expect(
      verifyGatewayResponse(await rails.jwks(), again.headers.get('ecny-signature'), again.bytes),
    ).resolves.toBeTruthy()
    const other = await client.call('POST', '/v1/orders', { ...body, amount: 101 }, { idempotencyKey: 'k1' })
    expect([other.status, errorCode(other.json)]).toEqual([409, 'idempotency_conflict'])
    // stored errors replay too, and keys expire after 24 h of rails clock
    const failed = await client.call(
      'POST',
      '/v1/orders',
      { ...body, merchantOrderNo: 'I1', amount: 5 },
      { idempotencyKey: 'k2' },
    )
    expect(errorCode(failed.json)).toBe('duplicate_merchant_order_no')
    expect(
      (
        await client.call(
          'POST',
          '/v1/orders',
          { ...body, merchantOrderNo: 'I1', amount: 5 },
          { idempotencyKey: 'k2' },
        )
      ).text,
    ).toBe(failed.text)
    rails.clock.advance(24 * 3600_000)
    const after = await client.call('POST', '/v1/orders', { ...body, amount: 101 }, { idempotencyKey: 'k1' })
    expect(errorCode(after.json)).toBe('duplicate_merchant_order_no')
  })

  it('a second request while the first is in flight → 409 request_in_progress (retryable)', async () => {
    const { client, rails } = await httpSetup()
    // Hold the first request inside its handler until the second has been answered.
    const createOrder = rails.engine.createOrder
    let entered!: () => void
    let release!: () => void
    const inside = new Promise<void>((resolve) => (entered = resolve))
    const held = new Promise<void>((resolve) => (release = resolve))
    rails.engine.createOrder = (async (params: Parameters<typeof createOrder>[0]) => {
      entered()
      await held
      return createOrder(params)
    }) as never
    const body = { merchantOrderNo: 'F1', amount: 100, description: 'x', mode: 'qr' }
    const first = client.call('POST', '/v1/orders', body, { idempotencyKey: 'same' })
    await inside
    const b = await client.call('POST', '/v1/orders', body, { idempotencyKey: 'same' })
    release()
    const a = await first
    rails.engine.createOrder = createOrder
    expect(a.status).toBe(200)
    expect(b.status).toBe(409)
    expect((b.json as { error: { code: string; retryable: boolean } }).error).toMatchObject({
      code: 'request_in_progress',
      retryable: true,
    })
    const c = await client.call('POST', '/v1/orders', body, { idempotencyKey: 'same' })
    expect(c.text).toBe(a.text)
  })

  it('keys are scoped per app', async () => {
    const { client, rails, merchant } = await httpSetup()
    const other = await rails.createDemoApp({ merchantIds: [merchant.id] })
    const { createSignedClient } = await import('@ecny/test-utils')
    const second = createSignedClient({
      ...other,
      send: (r) => rails.handle(r),
      now: () => rails.clock.now(),
    })
    await client.call(
      'POST',
      '/v1/orders',
      { merchantOrderNo: 'A', amount: 1, description: 'x', mode: 'qr' },
      { idempotencyKey: 'shared' },
    )
    const res = await second.call(
      'POST',
      '/v1/orders',
      { merchantOrderNo: 'B', amount: 1, description: 'x', mode: 'qr' },
      { idempotencyKey: 'shared' },
    )
    expect(res.status).toBe(200)
  })
})

describe('client tokens', () => {
  it('an order token may read, resolve and pay its order, nothing else; expiry → token_expired', async () => {
    const { client, rails, wallet } = await httpSetup()
    const created = (
      await client.call('POST', '/v1/orders', {
        merchantOrderNo: 'T1',
        amount: 100,
        description: 'x',
        mode: 'qr',
      })
    ).json as { id: string; qrPayload: string }
    const other = (
      await client.call('POST', '/v1/orders', {
        merchantOrderNo: 'T2',
        amount: 100,
        description: 'x',
        mode: 'qr',
      })
    ).json as { id: string }
    const minted = await client.call('POST', '/v1/client-tokens', {
      scope: { type: 'order', id: created.id },
      ttlSeconds: 60,
    })
    const { token } = z.parse(clientToken, minted.json)
    const asToken = (method: string, path: string, body?: unknown) =>
      client.call(method, path, body, { bearer: token })
    expect((await asToken('GET', `/v1/orders/${created.id}`)).status).toBe(200)
    expect((await asToken('POST', '/v1/qr/resolve', { payload: created.qrPayload })).status).toBe(200)
    expect(errorCode((await asToken('GET', `/v1/orders/${other.id}`)).json)).toBe('permission_denied')
    expect((await asToken('GET', `/v1/wallets/${wallet.id}`)).status).toBe(403)
    expect(
      (await asToken('POST', '/v1/client-tokens', { scope: { type: 'order', id: other.id } })).status,
    ).toBe(403)
    // an order token follows the order but never charges a wallet
    expect(
      errorCode((await asToken('POST', `/v1/orders/${created.id}/pay`, { walletId: wallet.id })).json),
    ).toBe('permission_denied')
    await client.call('POST', `/v1/orders/${created.id}/pay`, { walletId: wallet.id })
    rails.clock.advance(60_000)
    const expired = await asToken('GET', `/v1/orders/${created.id}`)
    expect([expired.status, errorCode(expired.json)]).toEqual([401, 'token_expired'])
    const unknown = await client.call('GET', `/v1/orders/${created.id}`, undefined, { bearer: 'ctk_forged' })
    expect(errorCode(unknown.json)).toBe('authentication_failed')
    const tooLong = await client.call('POST', '/v1/client-tokens', {
      scope: { type: 'order', id: created.id },
      ttlSeconds: 901,
    })
    expect(tooLong.status).toBe(400)
  })

  it('a wallet token reads its wallet, makes payment codes and transfers from it only', async () => {
    const { client, rails, wallet, engine } = await httpSetup()
    const friend = engine.openWallet({ level: 'WL04', mobile: '13900139000' })
    const { token } = (
      await client.call('POST', '/v1/client-tokens', { scope: { type: 'wallet', id: wallet.id } })
    ).json as { token: string }
    const as = (method: string, path: string, body?: unknown) =>
      client.call(method, path, body, { bearer: token })
    expect(z.parse(walletSchema, (await as('GET', `/v1/wallets/${wallet.id}`)).json).id).toBe(wallet.id)
    for (const path of ['balance', 'limits', 'transactions', 'transfers', 'eligible-campaigns']) {
      expect((await as('GET', `/v1/wallets/${wallet.id}/${path}`)).status).toBe(200)
    }
    expect(
      z.parse(paymentCode, (await as('POST', `/v1/wallets/${wallet.id}/payment-codes`)).json).code,
    ).toMatch(/^01\d{17}$/)
    const sent = await as('POST', '/v1/transfers', {
      fromWalletId: wallet.id,
      toWalletId: friend.id,
      amount: 5,
    })
    expect(sent.status).toBe(200)
    expect((await as('GET', `/v1/transfers/${(sent.json as { id: string }).id}`)).status).toBe(200)
    expect(
      (await as('POST', '/v1/transfers', { fromWalletId: friend.id, toWalletId: wallet.id, amount: 1 }))
        .status,
    ).toBe(403)
    const denied = await as('GET', `/v1/wallets/${friend.id}/balance`)
    expect(denied.status).toBe(403)
    const masked = `${wallet.id.slice(0, 6)}******${wallet.id.slice(-4)}`
    expect(denied.text).not.toContain(wallet.id)
    expect((denied.json as { error: { message: string; details: unknown } }).error).toMatchObject({
      message: expect.stringContaining(`scoped to wallet ${masked} `),
      details: { scope: { type: 'wallet', id: masked } },
    })
    expect((await as('POST', `/v1/wallets/${wallet.id}/top-ups`, { amount: 1 })).status).toBe(403)
    expect((await as('POST', `/v1/wallets/${wallet.id}/close`)).status).toBe(403)
    expect(rails.ledger.verify().ok).toBe(true)
  })

  it('a wallet token reads the orders its wallet paid, and no others', async () => {
    const { client, wallet } = await httpSetup()
    const order = (body: object) =>
      client.call('POST', '/v1/orders', { amount: 100, description: 'x', mode: 'qr', ...body })
    const paid = (await order({ merchantOrderNo: 'W1' })).json as { id: string }
    const unpaid = (await order({ merchantOrderNo: 'W2' })).json as { id: string }
    const { token } = (
      await client.call('POST', '/v1/client-tokens', { scope: { type: 'wallet', id: wallet.id } })
    ).json as { token: string }
    const as = (method: string, path: string, body?: unknown) =>
      client.call(method, path, body, { bearer: token })
    expect((await as('POST', `/v1/orders/${paid.id}/pay`, { walletId: wallet.id })).status).toBe(200)
    expect((await as('GET', `/v1/orders/${paid.id}`)).json).toMatchObject({ status: 'succeeded' })
    expect(errorCode((await as('GET', `/v1/orders/${unpaid.id}`)).json)).toBe('permission_denied')
    expect(errorCode((await as('GET', '/v1/orders/ord_missing')).json)).toBe('permission_denied')
  })
})

describe('routes and documents', () => {
  it('serves an OpenAPI 3.1 document listing the routes', async () => {
    const { client } = await httpSetup()
    const doc = (await client.call('GET', '/openapi.json')).json as {
      openapi: string
      paths: Record<string, Record<string, unknown>>
    }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/orders', '/v1/orders/{id}/pay', '/v1/wallets/{id}/limits']),
    )
    expect(doc.paths['/v1/orders']!.post).toMatchObject({ requestBody: expect.anything() })
  })

  it('unknown routes are 404 not_found', async () => {
    const { client } = await httpSetup()
    expect(errorCode((await client.call('GET', '/v1/nothing')).json)).toBe('not_found')
    expect((await client.call('DELETE', '/v1/orders')).status).toBe(404)
  })

  it('errors name no wallet id in full: an unknown wallet, an unexpected failure', async () => {
    const { client, rails, wallet } = await httpSetup()
    const masked = (id: string) => `${id.slice(0, 6)}******${id.slice(-4)}`
    const unknown = await client.call('GET', '/v1/wallets/0099999999999999')
    expect(unknown.status).toBe(404)
    expect(unknown.text).not.toContain('0099999999999999')
    expect(unknown.text).toContain(masked('0099999999999999'))

    const getWallet = rails.engine.getWallet
    rails.engine.getWallet = (id: string) => {
      throw new Error(`no ledger account wallet:${id}`)
    }
    const failed = await client.call('GET', `/v1/wallets/${wallet.id}`)
    rails.engine.getWallet = getWallet
    expect(failed.status).toBe(500)
    expect(errorCode(failed.json)).toBe('gateway_error')
    expect(failed.text).not.toContain(wallet.id)
    expect(failed.text).toContain(masked(wallet.id))
  })
})

describe('wallet_opening tokens', () => {
  it('open one personal wallet, then serve that wallet and open no other', async () => {
    const { client } = await httpSetup()
    const { token, scope } = (
      await client.call('POST', '/v1/client-tokens', { scope: { type: 'wallet_opening', id: 'user-42' } })
    ).json as { token: string; scope: { type: string } }
    expect(scope.type).toBe('wallet_opening')
    const as = (method: string, path: string, body?: unknown) =>
      client.call(method, path, body, { bearer: token })
    const corporate = await as('POST', '/v1/wallets', {
      type: 'WT09',
      entity: { legalName: 'x', uscc: '91110108MA0000001D' },
      settlementAccount: { accountNo: '1', accountName: 'x' },
    })
    expect(errorCode(corporate.json)).toBe('permission_denied')
    const opened = await as('POST', '/v1/wallets', { type: 'WT01', level: 'WL04', mobile: '13600000042' })
    expect(opened.status).toBe(200)
    const walletId = (opened.json as { id: string }).id
    expect((await as('GET', `/v1/wallets/${walletId}/balance`)).status).toBe(200)
    const second = await as('POST', '/v1/wallets', { type: 'WT01', level: 'WL04', mobile: '13600000043' })
    expect(errorCode(second.json)).toBe('permission_denied')
  })
})
