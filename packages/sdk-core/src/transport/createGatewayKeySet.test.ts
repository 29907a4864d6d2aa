import type { JSONWebKeySet } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeKeyPair } from '../../test/fakeGateway.js'
import { createGatewayKeySet } from './createGatewayKeySet.js'

type Key = Awaited<ReturnType<typeof makeKeyPair>>
let first: Key
let second: Key
beforeAll(async () => {
  first = await makeKeyPair('gw-1')
  second = await makeKeyPair('gw-2')
})

/** A key set over a scripted JWKS endpoint, on a clock the test moves. */
function scripted(answers: unknown[]) {
  let time = 1_000_000
  let fetches = 0
  const keys = createGatewayKeySet({
    keys: 'https://gateway.test/.well-known/jwks.json',
    fetchJwks: async () => answers[Math.min(fetches++, answers.length - 1)] as JSONWebKeySet,
    now: () => time,
  })
  return {
    keys,
    fetches: () => fetches,
    advance: (ms: number) => {
      time += ms
    },
  }
}

const malformed: Array<[string, unknown]> = [
  ['{"keys":[null]}', { keys: [null] }],
  ['"abc"', 'abc'],
  ['{}', {}],
  ['null', null],
  ['{"keys":"x"}', { keys: 'x' }],
  ['{"keys":[]}', { keys: [] }],
  ['{"keys":[{"kid":1}]}', { keys: [{ kid: 1 }] }],
]

describe('createGatewayKeySet with a malformed JWKS answer', () => {
  it.each(malformed)(
    '%s is refused with signature_invalid, not adopted, and fetched again later',
    async (_, bad) => {
      const jwks = () => ({ keys: [first.publicJwk] })
      const set = scripted([bad, jwks()])
      await expect(set.keys('gw-1', 'ES256')).rejects.toMatchObject({
        code: 'signature_invalid',
        retryable: true,
      })
      // Not hammered: a second lookup right away does not fetch again.
      await expect(set.keys('gw-1', 'ES256')).rejects.toMatchObject({ code: 'signature_invalid' })
      expect(set.fetches()).toBe(1)
      // Later, a good answer is adopted and the key works.
      set.advance(60_000)
      await expect(set.keys('gw-1', 'ES256')).resolves.toBeDefined()
      expect(set.fetches()).toBe(2)
    },
  )

  it.each(malformed)('%s after a good set keeps the last good set', async (_, bad) => {
    const set = scripted([{ keys: [first.publicJwk] }, bad, { keys: [first.publicJwk, second.publicJwk] }])
    await expect(set.keys('gw-1', 'ES256')).resolves.toBeDefined()
    // An unknown kid triggers a refetch, which answers garbage: gw-1 still verifies.
    await expect(set.keys('gw-2', 'ES256')).rejects.toMatchObject({ code: 'signature_invalid' })
    await expect(set.keys('gw-1', 'ES256')).resolves.toBeDefined()
    expect(set.fetches()).toBe(2)
    set.advance(60_000)
    await expect(set.keys('gw-2', 'ES256')).resolves.toBeDefined()
    await expect(set.keys('gw-1', 'ES256')).resolves.toBeDefined()
  })
})
