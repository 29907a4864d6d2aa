/**
 * The day `pnpm bench transit` measures (bench/transit.ts), run as its own process: `node
 * transitDay.mjs N` (bundled from the sources) prints one JSON line of figures on stdout and its
 * progress on stderr.
 */
import { createRails } from '../packages/mock-rails/src/index.js'
import { priceTrip } from '../packages/mock-rails/src/transit/priceTrip.js'
import type { TransitSettings } from '../packages/mock-rails/src/transit/transitScene.js'

const batchSize = 500
/** Taps a rider's wallet makes between going online (the default offline count, DOMAIN §7). */
const tripsPerRider = 10
const stations = Array.from({ length: 20 }, (_, i) => `S${String(i).padStart(2, '0')}`)

const settings: TransitSettings = {
  lines: [{ id: 'L1', name: 'Line 1' }],
  stations: stations.map((id) => ({ id, name: `Station ${id}`, lineIds: ['L1'] })),
  gates: stations.map((id) => ({ id: `G${id}`, stationId: id })),
  offlineTaps: { enabled: true },
  fares: [
    {
      lineId: 'L1',
      kind: 'distance',
      stationMeters: Object.fromEntries(stations.map((id, i) => [id, i * 1_700])),
      bands: [
        { upToMeters: 6_000, fare: 300 },
        { upToMeters: 16_000, fare: 400 },
        { upToMeters: 24_000, fare: 500 },
      ],
      maxFare: 600,
    },
  ],
}

/** Trip `i`: its rider, the rider's counter, and the stations (a fixed, spread-out pattern). */
function tripOf(i: number, riders: number) {
  const rider = i % riders
  const round = Math.floor(i / riders)
  const from = (i * 7 + round) % stations.length
  let to = (i * 13 + 5) % stations.length
  if (to === from) to = (to + 1) % stations.length
  return { rider, counter: round + 1, from: stations[from]!, to: stations[to]! }
}

const dayStart = Date.parse('2025-03-01T05:00:00+08:00')
const isoAt = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`

function rawDebitsPerSecond(count: number): number {
  const rails = createRails({ seed: 2 })
  const merchant = rails.seedMerchant({})
  const wallet = rails.engine.openWallet({ type: 'WT01', level: 'WL04', mobile: '13700000000' })
  rails.engine.topUp(wallet.id, { amount: 900_000, bankCard: '6222020000000007' })
  const started = performance.now()
  for (let i = 0; i < count; i++) {
    const order = rails.engine.createOrder({
      merchantId: merchant.id,
      merchantOrderNo: `RAW${i}`,
      amount: 1,
      description: 'bench',
      mode: 'qr',
    })
    rails.engine.payOrder(order.id, { walletId: wallet.id })
  }
  return count / ((performance.now() - started) / 1_000)
}

function pricingPerSecond(trips: number, riders: number): number {
  let sum = 0
  const started = performance.now()
  for (let i = 0; i < trips; i++) {
    const trip = tripOf(i, riders)
    sum += priceTrip(settings, trip.from, trip.to) ?? 0
  }
  const perSecond = trips / ((performance.now() - started) / 1_000)
  if (sum <= 0) throw new Error('pricing loop priced nothing')
  return perSecond
}

/** The child: one operator's day, in process. Prints one JSON line of figures on stdout. */
export function operatorDay(trips: number): void {
  const riders = Math.ceil(trips / tripsPerRider)
  const rails = createRails({ seed: 1 })
  const merchant = rails.seedMerchant({})
  const scene = rails.merchantDomain.createScene(merchant.id, {
    kind: 'transit',
    name: 'Metro Line 1',
    areaCode: '310000',
    settings,
  })
  const setupStarted = performance.now()
  const walletIds: string[] = []
  for (let r = 0; r < riders; r++) {
    const wallet = rails.engine.openWallet({ type: 'WT01', level: 'WL04', mobile: '13700000000' })
    rails.engine.topUp(wallet.id, { amount: 10_000, bankCard: '6222020000000007' })
    walletIds.push(wallet.id)
  }
  const setupSeconds = (performance.now() - setupStarted) / 1_000
  process.stderr.write(`transit: ${riders} riders' wallets opened in ${setupSeconds.toFixed(1)} s\n`)

  const totals = { trips: 0, debited: 0, debitedAmount: 0, duplicates: 0, failed: 0, expected: 0 }
  const step = Math.max(1, Math.floor(trips / 10))
  let nextReport = step
  const started = performance.now()
  for (let start = 0; start < trips; start += batchSize) {
    const taps = []
    for (let i = start; i < Math.min(trips, start + batchSize); i++) {
      const trip = tripOf(i, riders)
      const fare = priceTrip(settings, trip.from, trip.to)!
      totals.expected += fare
      taps.push({
        walletId: walletIds[trip.rider]!,
        counter: trip.counter,
        amount: fare,
        tappedAt: isoAt(dayStart + Math.floor((i / trips) * 18 * 3_600_000)),
        gateId: `G${trip.to}`,
      })
    }
    const batch = rails.merchantDomain.uploadTapBatch({ sceneId: scene.id, taps })
    totals.trips += taps.length
    totals.debited += batch.totals.debitedCount
    totals.debitedAmount += batch.totals.debited
    totals.duplicates += batch.totals.duplicates
    totals.failed += batch.totals.failed
    if (totals.trips >= nextReport) {
      const seconds = (performance.now() - started) / 1_000
      const rss = Math.round(process.resourceUsage().maxRSS / 1024)
      process.stderr.write(
        `transit: ${totals.trips} / ${trips} trips, ${Math.round(totals.trips / seconds)} trips/s, peak RSS ${rss} MB\n`,
      )
      nextReport += step
    }
  }
  const seconds = (performance.now() - started) / 1_000
  if (totals.debited !== trips || totals.debitedAmount !== totals.expected)
    throw new Error(
      `expected ${trips} trips debited (¥${totals.expected / 100}), got ${JSON.stringify(totals)}`,
    )
  if (!rails.ledger.verify().ok) throw new Error('ledger out of balance')
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)
  const pricing = pricingPerSecond(Math.min(trips, 1_000_000), riders)
  const raw = rawDebitsPerSecond(Math.min(trips, 50_000))
  process.stdout.write(
    `${JSON.stringify({ trips, seconds, tripsPerS: trips / seconds, peakRssMb, pricing, raw, debitedAmount: totals.debitedAmount })}\n`,
  )
}

const trips = Number(process.argv[2])
if (Number.isSafeInteger(trips) && trips > 0) operatorDay(trips)
