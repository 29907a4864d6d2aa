import { describe, expect, it, vi } from 'vitest'
import { nodeCrypto } from './nodeCrypto.js'
import { agreesWithJose } from './verifyCompactJws.test-helpers.js'

// Browsers and edge runtimes have no node:crypto: the verifier falls back to WebCrypto.
vi.mock('./nodeCrypto.js', () => ({ nodeCrypto: undefined }))

describe('verifyCompactJws (WebCrypto fallback)', () => {
  it('runs without node:crypto (the mock took effect, even when test files share a worker)', () => {
    expect(nodeCrypto).toBeUndefined()
  })
  it.each(['ES256', 'EdDSA'] as const)('%s: agrees with jose on genuine and tampered tokens', agreesWithJose)
})
