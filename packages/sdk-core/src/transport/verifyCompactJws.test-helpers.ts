/** Shared cases for the JWS verifier's tests: genuine tokens, and ways to break them. */
import { generateKeyPairSync } from 'node:crypto'
import fc from 'fast-check'
import { base64url, CompactSign, compactVerify, exportJWK, importJWK } from 'jose'
import { expect } from 'vitest'
import { verifyCompactJws } from './verifyCompactJws.js'

export async function keyPair(kind: 'ES256' | 'EdDSA') {
  const pair =
    kind === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519')
  const publicKey = (await importJWK({ ...(await exportJWK(pair.publicKey)), alg: kind }, kind)) as CryptoKey
  const privateKey = await importJWK({ ...(await exportJWK(pair.privateKey)), alg: kind }, kind)
  return { alg: kind, publicKey, privateKey }
}

export async function agreesWithJose(kind: 'ES256' | 'EdDSA') {
  const pair = await keyPair(kind)
  await fc.assert(
    fc.asyncProperty(
      fc.uint8Array({ maxLength: 200 }),
      fc.option(fc.tuple(fc.nat(2), fc.nat(400), fc.integer({ min: 1, max: 255 })), { nil: undefined }),
      async (payload, mutation) => {
        let token = await new CompactSign(payload)
          .setProtectedHeader({ alg: kind, kid: 'k' })
          .sign(pair.privateKey)
        if (mutation) {
          const parts = token.split('.')
          const [part, at, flip] = mutation
          const bytes = base64url.decode(parts[part]!)
          if (bytes.length > 0) bytes[at % bytes.length]! ^= flip
          parts[part] = base64url.encode(bytes)
          token = parts.join('.')
        }
        const ours = await verifyCompactJws(token, () => pair.publicKey).then(
          (result) => ({ ok: true as const, payload: result.payload }),
          () => ({ ok: false as const }),
        )
        const theirs = await compactVerify(token, pair.publicKey, { algorithms: [kind] }).then(
          (result) => ({ ok: true as const, payload: result.payload }),
          () => ({ ok: false as const }),
        )
        expect(ours.ok).toBe(theirs.ok)
        if (ours.ok && theirs.ok) expect(ours.payload).toEqual(theirs.payload)
        if (!mutation) expect(ours.ok).toBe(true)
      },
    ),
    { numRuns: 150 },
  )
}
