import { describe, expect, it } from 'vitest'
import type { AppHandoffInfo } from './appHandoff.js'
import { sealAppHandoff } from './sealAppHandoff.js'
import { unsealAppHandoff } from './unsealAppHandoff.js'

const info: AppHandoffInfo = {
  orderId: 'ord_1',
  merchantOrderNo: 'A-1',
  amount: 1_250,
  currency: 'CNY',
  description: 'Tea',
  expiresAt: '2026-01-01T00:15:00+08:00',
}

async function operatorKey() {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ])) as CryptoKeyPair
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey)
  return {
    pair,
    key: {
      encryptionSN: 'wok_1',
      publicKey: { kty: 'EC' as const, crv: 'P-256' as const, x: jwk.x!, y: jwk.y! },
    },
  }
}

const routing = {
  merchantAppId: 'app_1',
  merchantNo: 'mch_1',
  acqAgtInstnId: 'C1',
  creditorInstitutionId: 'C2',
}

describe('sealAppHandoff / unsealAppHandoff', () => {
  it('opens with the operator key what the merchant sealed, and hides the order in transit', async () => {
    const { pair, key } = await operatorKey()
    const handoff = await sealAppHandoff({ ...routing, info, key })
    expect(handoff).toMatchObject({ ...routing, encryptionSN: 'wok_1' })
    expect(JSON.stringify(handoff)).not.toContain('Tea')
    expect(await unsealAppHandoff(handoff, pair.privateKey)).toEqual({ ok: true, info })
  })

  it('detects a changed clear field, a changed ciphertext, and another key', async () => {
    const { pair, key } = await operatorKey()
    const other = await operatorKey()
    const handoff = await sealAppHandoff({ ...routing, info, key })
    const flipped =
      handoff.encryptedInfo.slice(0, 20) +
      (handoff.encryptedInfo[20] === 'A' ? 'B' : 'A') +
      handoff.encryptedInfo.slice(21)
    expect(await unsealAppHandoff({ ...handoff, merchantNo: 'mch_2' }, pair.privateKey)).toEqual({
      ok: false,
      reason: 'tampered',
    })
    expect(await unsealAppHandoff({ ...handoff, encryptedInfo: flipped }, pair.privateKey)).toEqual({
      ok: false,
      reason: 'tampered',
    })
    expect(await unsealAppHandoff(handoff, other.pair.privateKey)).toEqual({ ok: false, reason: 'tampered' })
    expect(await unsealAppHandoff({ ...handoff, encryptedKey: 'not base64!' }, pair.privateKey)).toEqual({
      ok: false,
      reason: 'malformed',
    })
  })

  it('leaves out acqAgtInstnId when the merchant has none, and adding one later is tampering', async () => {
    const { pair, key } = await operatorKey()
    const { acqAgtInstnId: _none, ...direct } = routing
    const handoff = await sealAppHandoff({ ...direct, info, key })
    expect(handoff).not.toHaveProperty('acqAgtInstnId')
    expect(await unsealAppHandoff(handoff, pair.privateKey)).toEqual({ ok: true, info })
    expect(await unsealAppHandoff({ ...handoff, acqAgtInstnId: 'C1' }, pair.privateKey)).toMatchObject({
      ok: false,
    })
  })
})
