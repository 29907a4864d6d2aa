import type { Signer } from '@ecny/sdk-core'
import { expect, it } from 'vitest'
import { createSm2Signer } from '../src/index.js'
import { merchantPrivateKeyHex } from './cmbVectors.js'

it('createSm2Signer fits the sdk-core Signer shape with alg SM2 and the given kid', async () => {
  const signer: Signer = createSm2Signer({ privateKey: merchantPrivateKeyHex, kid: 'cmb-merchant-2026' })
  expect(signer.alg).toBe('SM2')
  expect(signer.kid).toBe('cmb-merchant-2026')
  const first = await signer.sign(new TextEncoder().encode('header.claims'))
  const second = await signer.sign(new TextEncoder().encode('header.claims'))
  expect(first).toHaveLength(64)
  expect(Buffer.from(first).equals(Buffer.from(second))).toBe(false) // a fresh k every time
})

it('createSm2Signer rejects an unusable key at construction, not at the first request', () => {
  expect(() => createSm2Signer({ privateKey: 'nope', kid: 'k' })).toThrow(
    expect.objectContaining({ code: 'invalid_request' }),
  )
})
