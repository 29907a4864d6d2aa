import { PermissionError } from '@ecny/sdk-core'
import { useMerchantRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

const h = useMerchantRails()

const tap = (walletId: string, counter: number, gateId: string) => ({
  walletId,
  counter,
  amount: 300,
  tappedAt: '2025-01-01T08:30:00+08:00',
  gateId,
})

describe('transit gates are registered', () => {
  it('refuses a batch with a tap from an unregistered gate, naming it, and debits nothing', async () => {
    const scene = await h.client.onboarding.createScene({
      kind: 'transit',
      name: '1号线',
      areaCode: '110105',
      lines: [{ id: 'L1', name: '1号线' }],
      stations: [{ id: 'S1', name: '天安门东', lineIds: ['L1'] }],
      gates: [{ id: 'GATE0001', stationId: 'S1' }],
      offlineTaps: { enabled: true },
    })
    const wallet = h.fundedWallet(5_000)
    const refused = h.client.transit.uploadTaps({
      sceneId: scene.id,
      taps: [tap(wallet, 1, 'GATE0001'), tap(wallet, 2, 'ROGUE001')],
    })
    await expect(refused).rejects.toBeInstanceOf(PermissionError)
    await expect(refused).rejects.toMatchObject({
      code: 'gate_unknown',
      details: { gateId: 'ROGUE001', field: 'taps[1].gateId' },
    })
    expect(h.balanceOf(wallet)).toBe(5_000)

    const accepted = await h.client.transit.uploadTaps({
      sceneId: scene.id,
      taps: [tap(wallet, 1, 'GATE0001')],
    })
    expect(accepted.results.map((r) => r.status)).toEqual(['debited'])
    expect(h.balanceOf(wallet)).toBe(4_700)
  })
})
