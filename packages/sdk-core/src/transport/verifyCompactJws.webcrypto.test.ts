import { describe, it, vi } from 'vitest'
import { agreesWithJose } from './verifyCompactJws.test-helpers.js'

// Browsers and edge runtimes have no node:crypto: the verifier falls back to WebCrypto.
vi.mock('./nodeCrypto.js', () => ({ nodeCrypto: undefined }))

describe('verifyCompactJws (WebCrypto fallback)', () => {
  it.each(['ES256', 'EdDSA'] as const)('%s: agrees with jose on genuine and tampered tokens', agreesWithJose)
})
