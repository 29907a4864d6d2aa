import { expect, it } from 'vitest'
import { createCorsPolicy } from './corsPolicy.js'

const policy = createCorsPolicy(['http://localhost:5173'])

it('answers a preflight from a listed origin with what the SDK sends, and nothing for others', () => {
  const answer = policy.preflight({
    origin: 'http://localhost:5173',
    'access-control-request-method': 'POST',
    'access-control-request-headers': 'authorization, content-type, idempotency-key, ecny-nonce',
  })
  expect(answer).toMatchObject({
    'access-control-allow-origin': 'http://localhost:5173',
    'access-control-allow-headers': 'authorization, content-type, idempotency-key, ecny-nonce',
    vary: 'Origin',
  })
  expect(answer!['access-control-allow-methods']).toContain('POST')
  expect(policy.preflight({ origin: 'http://evil.test', 'access-control-request-method': 'POST' })).toBeNull()
  expect(policy.preflight({ origin: 'http://localhost:5173' })).toBeNull() // not a preflight: no method asked
})

it('lets a listed origin read the signature headers of an answer; an unlisted one gets no CORS headers', () => {
  const listed = policy.responseHeaders('http://localhost:5173')
  expect(listed['access-control-allow-origin']).toBe('http://localhost:5173')
  expect(listed['access-control-expose-headers']).toContain('ecny-signature')
  expect(listed['access-control-expose-headers']).toContain('ecny-request-id')
  expect(policy.responseHeaders('http://localhost:5174')).toEqual({})
  expect(policy.responseHeaders(undefined)).toEqual({})
})

it('refuses an origin that is not scheme://host[:port], with a message that says so', () => {
  for (const bad of ['localhost:5173', 'http://localhost:5173/', '*', 'http://a.test/path']) {
    expect(() => createCorsPolicy([bad]), bad).toThrow(/origin/)
  }
})
