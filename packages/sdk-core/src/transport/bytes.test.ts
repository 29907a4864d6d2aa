import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { base64url } from 'jose'
import { expect, it } from 'vitest'
import { bodyDigest } from './bytes.js'

it('bodyDigest is base64url SHA-256, the same as WebCrypto computes it', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), async (bytes) => {
      const web = base64url.encode(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)))
      const digest = await bodyDigest(bytes)
      expect(digest).toBe(web)
      expect(digest).toBe(createHash('sha256').update(bytes).digest('base64url'))
    }),
    { numRuns: 100 },
  )
})
