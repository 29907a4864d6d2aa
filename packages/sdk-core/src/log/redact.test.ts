import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { InvalidRequestError } from '../errors/EcnyError.js'
import { redact } from './redact.js'

describe('redact', () => {
  it('redacts values under secret-named keys, case-insensitively', () => {
    const input = {
      privateKey: 'x',
      private_key: 'x',
      clientToken: 'x',
      'Ecny-Signature': 'x',
      Authorization: 'x',
      password: 123456,
      clientSecret: { nested: true },
      'set-cookie': ['a=b'],
      'x-api-key': 'x',
      sign: 'x',
      appId: 'app_1',
      idempotencyKey: 'idem_1',
      token: null,
    }
    expect(redact(input)).toEqual({
      privateKey: '[REDACTED]',
      private_key: '[REDACTED]',
      clientToken: '[REDACTED]',
      'Ecny-Signature': '[REDACTED]',
      Authorization: '[REDACTED]',
      password: '[REDACTED]',
      clientSecret: '[REDACTED]',
      'set-cookie': '[REDACTED]',
      'x-api-key': '[REDACTED]',
      sign: '[REDACTED]',
      appId: 'app_1',
      idempotencyKey: 'idem_1',
      token: null,
    })
  })

  it('redacts private JWK members only in objects that look like a JWK', () => {
    const jwk = { kty: 'EC', crv: 'P-256', x: 'xx', y: 'yy', d: 'dd', kid: 'k1' }
    expect(redact({ keys: [jwk] })).toEqual({ keys: [{ ...jwk, d: '[REDACTED]' }] })
    expect(redact({ kty: 'oct', k: 'secret' })).toEqual({ kty: 'oct', k: '[REDACTED]' })
    expect(redact({ d: 4, p: 'page' })).toEqual({ d: 4, p: 'page' })
  })

  it('redacts PEM private keys, JWS, bearer tokens and secret query parameters inside strings', () => {
    const { privateKey } = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    })
    const jws = `${Buffer.from('{"alg":"ES256"}').toString('base64url')}.eyJpc3MiOiJhIn0.c2ln`
    const text = `key ${privateKey} then ${jws} with Bearer ct_0123456789abcdef at https://x.test/?a=1&client_token=zzz`
    const result = redact(text) as string
    expect(result).toBe(
      'key [REDACTED]\n then [REDACTED] with Bearer [REDACTED] at https://x.test/?a=1&client_token=[REDACTED]',
    )
  })

  it('redacts private KeyObjects and CryptoKeys, keeps public ones harmless', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519')
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
    ])) as CryptoKeyPair
    expect(redact({ a: privateKey, b: pair.privateKey })).toEqual({ a: '[REDACTED]', b: '[REDACTED]' })
    expect(JSON.stringify(redact({ a: publicKey, b: pair.publicKey }))).not.toContain('REDACTED')
  })

  it('masks personal data by key, and inside any other string', () => {
    const input = {
      mobile: '13812341234',
      contactPhone: 13812341234,
      legalRep: { idNumber: '110105200002291235' },
      walletId: '0022501234565081',
      benefitWalletId: '0022501234565082',
      payerWalletIds: ['0022501234565083'],
      bankCard: '6222020000000007',
      note: 'call 13912341234',
    }
    expect(redact(input)).toEqual({
      mobile: '138****1234',
      contactPhone: '138****1234',
      legalRep: { idNumber: '110105********1235' },
      walletId: '002250******5081',
      benefitWalletId: '002250******5082',
      payerWalletIds: ['002250******5083'],
      bankCard: '6222********0007',
      note: 'call 139****1234',
    })
  })

  it('handles cycles, errors, maps, dates, binary data and odd values without throwing', () => {
    const cyclic: Record<string, unknown> = { name: 'a' }
    cyclic.self = cyclic
    cyclic.list = [cyclic]
    expect(redact(cyclic)).toEqual({ name: 'a', self: '[Circular]', list: ['[Circular]'] })

    const error = new InvalidRequestError('invalid_request', 'bad mobile 13812341234', {
      details: { token: 'abc' },
      cause: new Error('inner Bearer abcdefghijkl'),
    })
    const copied = redact(error) as Record<string, unknown>
    expect(copied).toMatchObject({
      name: 'InvalidRequestError',
      code: 'invalid_request',
      details: { token: '[REDACTED]' },
      cause: { name: 'Error', message: 'inner Bearer [REDACTED]' },
    })
    expect(JSON.stringify(copied)).not.toContain('13812341234')

    const headers = new Headers({ authorization: 'Bearer abc', 'content-type': 'application/json' })
    expect(redact(headers)).toEqual({ authorization: '[REDACTED]', 'content-type': 'application/json' })
    expect(redact(new Map([['clientToken', 'x']]))).toEqual({ clientToken: '[REDACTED]' })
    expect(redact(new Set(['13812341234']))).toEqual(['138****1234'])
    expect(redact(new Date('2024-01-01T00:00:00Z'))).toBe('2024-01-01T00:00:00.000Z')
    expect(redact({ raw: new Uint8Array(32) })).toEqual({ raw: '[binary 32 bytes]' })
    expect(redact(10n)).toBe('10')
    expect(redact(function named() {})).toBe('[Function named]')
    expect(redact(undefined)).toBeUndefined()

    const hostile = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('no')
      },
    })
    expect(redact(hostile)).toEqual({ boom: '[Unreadable]' })

    let deep: Record<string, unknown> = {}
    const root = deep
    for (let i = 0; i < 100; i++) deep = deep.next = {}
    expect(JSON.stringify(redact(root))).toContain('[Truncated]')
  })

  it('does not mutate its input', () => {
    const input = { privateKey: 'x', mobile: '13812341234' }
    redact(input)
    expect(input).toEqual({ privateKey: 'x', mobile: '13812341234' })
  })
})
