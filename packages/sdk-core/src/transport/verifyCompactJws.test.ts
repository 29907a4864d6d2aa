import { base64url } from 'jose'
import { describe, expect, it } from 'vitest'
import { JwsRejection, verifyCompactJws } from './verifyCompactJws.js'
import { agreesWithJose, keyPair } from './verifyCompactJws.test-helpers.js'

const segment = (value: unknown) => base64url.encode(JSON.stringify(value))

describe('verifyCompactJws (node:crypto)', () => {
  it.each(['ES256', 'EdDSA'] as const)('%s: agrees with jose on genuine and tampered tokens', agreesWithJose)

  it.each([
    ['alg none', { alg: 'none' }, 'algorithm'],
    ['HS256', { alg: 'HS256' }, 'algorithm'],
    ['RS256', { alg: 'RS256' }, 'algorithm'],
    ['a crit extension', { alg: 'ES256', crit: ['exp'] }, 'malformed'],
    ['unencoded payload (b64: false)', { alg: 'ES256', b64: false }, 'malformed'],
    ['a header that is not an object', ['ES256'], 'malformed'],
  ])('refuses %s before looking up a key', async (_, header, reason) => {
    let lookedUp = false
    const token = `${segment(header)}.${segment({ a: 1 })}.AAAA`
    const error = await verifyCompactJws(token, () => {
      lookedUp = true
      throw new Error('no key')
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(JwsRejection)
    expect((error as JwsRejection).reason).toBe(reason)
    expect(lookedUp).toBe(false)
  })

  it('refuses strings that are not three base64url parts', async () => {
    const { publicKey } = await keyPair('ES256')
    for (const token of ['', 'a.b', 'a.b.c.d', 'a b.c.d', 'eyJ+.x.y']) {
      await expect(verifyCompactJws(token, () => publicKey)).rejects.toMatchObject({ reason: 'malformed' })
    }
  })
})
