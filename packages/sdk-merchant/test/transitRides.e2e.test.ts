import { ConflictError, createClient, type EcnyClient, setOfflineCap } from '@ecny/sdk-core'
import { railsUrl, useMerchantRails } from '@ecny/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'

const h = useMerchantRails()
let wallets: EcnyClient
beforeEach(() => {
  wallets = createClient({ baseUrl: railsUrl, credentials: h.credentials })
})

const line = {
  kind: 'transit' as const,
  name: '1号线',
  areaCode: '310000',
  lines: [
    { id: 'L1', name: '1号线' },
    { id: 'L9', name: '9号线' },
  ],
  stations: [
    { id: 'S1', name: '莘庄', lineIds: ['L1'] },
    { id: 'S2', name: '徐家汇', lineIds: ['L1', 'L9'] },
    { id: 'S3', name: '人民广场', lineIds: ['L1'] },
    { id: 'S9', name: '松江新城', lineIds: ['L9'] },
  ],
  gates: [
    { id: 'GATES001', stationId: 'S1' },
    { id: 'GATES002', stationId: 'S2' },
    { id: 'GATES003', stationId: 'S3' },
    { id: 'GATES009', stationId: 'S9' },
  ],
  offlineTaps: { enabled: true },
  fares: [
    {
      lineId: 'L1',
      kind: 'distance' as const,
      stationMeters: { S1: 0, S2: 9_000, S3: 16_500 },
      bands: [
        { upToMeters: 6_000, fare: 300 },
        { upToMeters: 16_000, fare: 400 },
      ],
      maxFare: 500,
    },
    {
      lineId: 'L9',
      kind: 'zone' as const,
      stationZones: { S2: 1, S9: 3 },
      zoneFares: [300, 400, 600],
      maxFare: 700,
    },
  ],
}

async function rideCode(sceneId: string, balance: number) {
  const walletId = h.fundedWallet(balance)
  const sub = await wallets.wallets.subWallets.push({
    walletId,
    merchantId: h.merchantId,
    caps: { single: 2_000, daily: 5_000 },
  })
  const code = await h.client.transit.issueRideCode({ sceneId, subWalletId: sub.id })
  return { walletId, code: code.code }
}

describe('ride codes (乘车码) priced by fare tables', () => {
  it('prices each trip by its line, debits it once at the exit, and a repeated scan charges nothing', async () => {
    const scene = await h.client.onboarding.createScene(line)
    const rider = await rideCode(scene.id, 5_000)
    const scan = (gateId: string, direction: 'entry' | 'exit', scannedAt: string) =>
      h.client.transit.scan({ sceneId: scene.id, code: rider.code, gateId, direction, scannedAt })

    expect((await scan('GATES001', 'entry', '2025-03-01T08:00:00+08:00')).outcome).toBe('entered')
    const exit = await scan('GATES002', 'exit', '2025-03-01T08:25:00+08:00') // 9 km: the ¥4 band
    expect(exit).toMatchObject({
      outcome: 'exited',
      trip: { status: 'charged', fare: 400, pricedBy: 'fare_table' },
    })
    const again = await scan('GATES002', 'exit', '2025-03-01T08:25:40+08:00') // the gate read it twice
    expect(again).toMatchObject({ outcome: 'duplicate', trip: { id: exit.trip.id } })
    expect(h.balanceOf(rider.walletId)).toBe(4_600)

    await scan('GATES001', 'entry', '2025-03-01T18:00:00+08:00')
    const long = await scan('GATES003', 'exit', '2025-03-01T18:40:00+08:00') // 16.5 km: past the bands
    expect(long.trip).toMatchObject({ fare: 500, status: 'charged' })
    await scan('GATES002', 'entry', '2025-03-01T20:00:00+08:00')
    const zones = await scan('GATES009', 'exit', '2025-03-01T20:30:00+08:00') // L9, 2 zones crossed
    expect(zones.trip).toMatchObject({ fare: 600, status: 'charged' })
    expect(h.balanceOf(rider.walletId)).toBe(5_000 - 400 - 500 - 600)
  })

  it("an exit with no entry and an entry never exited by the day's end pay the maximum fare; refuse is an option", async () => {
    const scene = await h.client.onboarding.createScene(line)
    const rider = await rideCode(scene.id, 5_000)
    const noEntry = await h.client.transit.scan({
      sceneId: scene.id,
      code: rider.code,
      gateId: 'GATES009',
      direction: 'exit',
      scannedAt: '2025-03-01T09:00:00+08:00',
    })
    expect(noEntry.trip).toMatchObject({ pricedBy: 'exit_without_entry', fare: 700, entry: null })
    await h.client.transit.scan({
      sceneId: scene.id,
      code: rider.code,
      gateId: 'GATES001',
      direction: 'entry',
      scannedAt: '2025-03-01T23:30:00+08:00',
    })
    const day = await h.client.transit.closeDay({ sceneId: scene.id, day: '2025-03-01' })
    expect(day.closedTrips).toHaveLength(1)
    expect(day.closedTrips[0]).toMatchObject({ pricedBy: 'entry_without_exit', fare: 500, status: 'charged' })
    expect(day.trips).toEqual({ charged: 2, chargedAmount: 1_200, failed: 0, open: 0 })
    expect((await h.client.transit.closeDay({ sceneId: scene.id, day: '2025-03-01' })).closedTrips).toEqual(
      [],
    )
    expect(h.balanceOf(rider.walletId)).toBe(3_800)

    const strict = await h.client.onboarding.createScene({
      ...line,
      rideCodes: { exitWithoutEntry: 'refuse' },
    })
    const other = await rideCode(strict.id, 5_000)
    const refused = h.client.transit.scan({
      sceneId: strict.id,
      code: other.code,
      gateId: 'GATES002',
      direction: 'exit',
      scannedAt: '2025-03-01T09:00:00+08:00',
    })
    await expect(refused).rejects.toBeInstanceOf(ConflictError)
    await expect(refused).rejects.toMatchObject({ code: 'trip_not_entered' })
    await expect(
      h.client.transit.scan({
        sceneId: strict.id,
        code: other.code,
        gateId: 'NOPE',
        direction: 'entry',
        scannedAt: '2025-03-01T09:00:00+08:00',
      }),
    ).rejects.toMatchObject({ code: 'gate_unknown' })
    expect(h.balanceOf(other.walletId)).toBe(5_000)
  })
})

describe('hardware-wallet offline cap', () => {
  const tap = (walletId: string, counter: number, amount = 300) => ({
    walletId,
    counter,
    amount,
    tappedAt: '2025-03-01T08:30:00+08:00',
    gateId: 'GATES001',
  })

  it('the holder sets the cap; taps beyond its amount or its count since going online fail with limit_exceeded', async () => {
    const scene = await h.client.onboarding.createScene(line)
    const card = h.fundedWallet(10_000)
    const cap = await setOfflineCap(wallets, { walletId: card, single: 400, count: 3, counter: 20 })
    expect(cap).toMatchObject({ single: 400, count: 3, onlineCounter: 20 })
    const upload = await h.client.transit.uploadTaps({
      sceneId: scene.id,
      taps: [tap(card, 21), tap(card, 22, 500), tap(card, 23), tap(card, 24)],
    })
    expect(upload.results.map((r) => [r.status, r.failureCode])).toEqual([
      ['debited', null],
      ['failed', 'limit_exceeded'],
      ['debited', null],
      ['failed', 'limit_exceeded'],
    ])
    // Default cap when never set: 10 payments from the first counter seen.
    const other = h.fundedWallet(10_000)
    const many = await h.client.transit.uploadTaps({
      sceneId: scene.id,
      taps: Array.from({ length: 11 }, (_, i) => tap(other, 100 + i, 100)),
    })
    expect(many.totals).toMatchObject({ debitedCount: 10, failed: 1 })
    await expect(
      setOfflineCap(wallets, { walletId: card, single: 50_001, counter: 0 }),
    ).rejects.toMatchObject({
      code: 'invalid_request',
    })
    const day = await h.client.transit.closeDay({ sceneId: scene.id, day: '2025-03-01' })
    expect(day.taps).toEqual({ debited: 12, debitedAmount: 1_600, failed: 3 })
  })
})
