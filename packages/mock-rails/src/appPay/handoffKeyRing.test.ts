import { sealAppHandoff, unsealAppHandoff } from '@ecny/protocol/app-pay'
import { describe, expect, it } from 'vitest'
import { createHandoffKeyRing } from './handoffKeyRing.js'

const info = {
  orderId: 'ord_1',
  merchantOrderNo: 'A-1',
  amount: 100,
  currency: 'CNY' as const,
  description: 'Tea',
  expiresAt: '2026-01-01T00:15:00+08:00',
}
const routing = {
  merchantAppId: 'app_1',
  merchantNo: 'mch_1',
  acqAgtInstnId: 'A',
  creditorInstitutionId: 'B',
}

describe('createHandoffKeyRing', () => {
  it('hands out the newest key, keeps opening with older ones after a rotation, and survives export/load', async () => {
    const ring = createHandoffKeyRing()
    const first = await ring.publicKey()
    const sealed = await sealAppHandoff({ ...routing, info, key: first })
    expect(await ring.rotate()).toEqual({ encryptionSN: 'hk-2' })
    expect((await ring.publicKey()).encryptionSN).toBe('hk-2')
    const restored = createHandoffKeyRing(ring.export())
    const key = await restored.privateKey(first.encryptionSN)!
    expect(await unsealAppHandoff(sealed, key)).toEqual({ ok: true, info })
    expect(restored.privateKey('hk-9')).toBeUndefined()
  })
})
