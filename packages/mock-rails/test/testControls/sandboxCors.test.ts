import { afterEach, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../src/index.js'

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

const origin = 'http://localhost:5173'

it('answers a preflight from a listed origin with 204 and the CORS headers; another origin gets none', async () => {
  sandbox = await startSandbox({ log: false, cors: [origin] })
  const preflight = await fetch(`${sandbox.url}/v1/orders`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, ecny-signature, idempotency-key',
    },
  })
  expect(preflight.status).toBe(204)
  expect(preflight.headers.get('access-control-allow-origin')).toBe(origin)
  expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
  expect(preflight.headers.get('access-control-allow-headers')).toContain('ecny-signature')

  const stranger = await fetch(`${sandbox.url}/v1/orders`, {
    method: 'OPTIONS',
    headers: { origin: 'http://evil.test', 'access-control-request-method': 'POST' },
  })
  expect(stranger.headers.get('access-control-allow-origin')).toBeNull()
  expect(stranger.status).toBe(404)
})

it('names the listed origin on an answer and exposes the signature headers the SDK verifies', async () => {
  sandbox = await startSandbox({ log: false, cors: [origin] })
  const answer = await fetch(`${sandbox.url}/.well-known/jwks.json`, { headers: { origin } })
  expect(answer.status).toBe(200)
  expect(answer.headers.get('access-control-allow-origin')).toBe(origin)
  expect(answer.headers.get('access-control-expose-headers')).toContain('ecny-signature')
  const other = await fetch(`${sandbox.url}/.well-known/jwks.json`, {
    headers: { origin: 'http://localhost:3000' },
  })
  expect(other.headers.get('access-control-allow-origin')).toBeNull()
})

it('sends no CORS headers at all when started without --cors', async () => {
  sandbox = await startSandbox({ log: false })
  const preflight = await fetch(`${sandbox.url}/v1/orders`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST' },
  })
  expect(preflight.status).toBe(404)
  expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
})

it('refuses to start with something that is not an origin', async () => {
  await expect(startSandbox({ log: false, cors: ['localhost:5173'] })).rejects.toThrow(/not an origin/)
})
