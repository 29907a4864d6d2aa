import {
  createClient,
  formatYuan,
  issueHardwareWallet,
  maskWalletId,
  type ServerCredentials,
  setOfflineCap,
} from '@ecny/sdk-core'
import {
  createMerchantClient,
  type TapResult,
  type TransitDay,
  type UploadTapBatchReturnType,
} from '@ecny/sdk-merchant'
import { OfflineGate } from './gate.js'
import { type RideDayResult, rideADay } from './rideDay.js'

export type TransitGateDemoOptions = {
  gatewayUrl: string
  /** The metro operator's server credentials. */
  credentials: ServerCredentials
  /** The metro operator's merchant id (the rider pushes a sub-wallet to it for the ride code). */
  merchantId: string
  print?: (line: string) => void
}

export type TransitGateDemoResult = {
  sceneId: string
  /** The first upload of the day's taps. */
  upload: UploadTapBatchReturnType
  /** The same log uploaded again after a simulated crash: every tap `duplicate`, nothing charged. */
  reupload: UploadTapBatchReturnType
  riders: Record<'alice' | 'bob' | 'carol', { walletId: string; balanceBefore: number; balanceAfter: number }>
  /** The ride-code rider's day of entries and exits. */
  rides: RideDayResult
  /** The operator's close of the operating day: open trips priced by rule, the day reconciled. */
  close: TransitDay
}

/** The operating day the demo runs (fixed, so its output is the same every run). */
const day = '2025-03-01'

const yuan = (fen: number) => `¥${formatYuan(fen)}`

function printResults(print: (line: string) => void, results: TapResult[], fares: number[]): void {
  print('  wallet             counter  fare     result')
  results.forEach((result, i) => {
    const detail =
      result.status === 'failed'
        ? `failed (${result.failureCode})`
        : result.status === 'duplicate'
          ? `duplicate of ${result.orderId ?? 'an earlier tap'}`
          : `debited → ${result.orderId}`
    print(
      `  ${maskWalletId(result.walletId).padEnd(18)} ${String(result.counter).padStart(7)}  ${yuan(fares[i] ?? 0).padEnd(7)}  ${detail}`,
    )
  })
}

/**
 * A metro line's day: a transit scene with registered gates, a fare table and the operator's rules
 * for missing scans; a rider's day on ride codes (乘车码; rideDay.ts); a gate that records
 * hardware-wallet taps while offline (one wallet read twice, one rider short of money, one fare above
 * the scene's offline maximum, one tap past the offline count the holder set), then the upload in
 * batches with the result of every tap — and a second upload of the same log after a "crash", which
 * charges nothing again; last, the operator closes the operating day and reconciles it.
 */
export async function runTransitGateDemo(options: TransitGateDemoOptions): Promise<TransitGateDemoResult> {
  const print = options.print ?? ((line: string) => console.log(line))
  const metro = createMerchantClient({
    baseUrl: options.gatewayUrl,
    credentials: options.credentials,
    merchantId: options.merchantId,
  })
  // The card issuer's side: three riders' hardware wallets.
  const issuer = createClient({ baseUrl: options.gatewayUrl, credentials: options.credentials })

  const line = await metro.onboarding.createScene({
    kind: 'transit',
    name: 'Metro Line 1',
    areaCode: '370200',
    lines: [{ id: 'L1', name: 'Line 1' }],
    stations: [
      { id: 'S01', name: 'Qingdao Railway Station', lineIds: ['L1'] },
      { id: 'S02', name: 'Zhongshan Road', lineIds: ['L1'] },
      { id: 'S03', name: 'Xinjiang Road', lineIds: ['L1'] },
    ],
    gates: [
      { id: 'GATE0001', stationId: 'S01' },
      { id: 'GATE0002', stationId: 'S02' },
      { id: 'GATE0003', stationId: 'S03' },
    ],
    offlineTaps: { enabled: true, maxAmount: 1_000 }, // fares up to ¥10 are accepted offline
    fares: [
      {
        lineId: 'L1',
        kind: 'distance',
        stationMeters: { S01: 0, S02: 2_400, S03: 5_100 },
        bands: [
          { upToMeters: 3_000, fare: 200 },
          { upToMeters: 6_000, fare: 300 },
        ],
        maxFare: 400,
      },
    ],
    // The operator's rules for a missing scan (these are the defaults, written out).
    rideCodes: { exitWithoutEntry: 'max_fare', entryWithoutExit: 'max_fare', operatingDayStartsAt: '04:00' },
  })
  print(
    `Scene ${line.id} (${line.name}) accepts offline taps up to ${yuan(1_000)}; fares ${yuan(200)}–${yuan(400)}.`,
  )

  const rides = await rideADay({
    metro,
    wallets: issuer,
    sceneId: line.id,
    merchantId: options.merchantId,
    day,
    print,
  })

  // Each rider's hardware wallet (WT03) is issued against their personal wallet, then loaded.
  async function rider(mobile: string, formFactor: 'card' | 'sim' | 'wearable', balance: number) {
    const wallet = await issuer.wallets.open({ type: 'WT01', level: 'WL04', mobile })
    const device = await issueHardwareWallet(issuer, { walletId: wallet.id, formFactor })
    if (balance > 0)
      await issuer.wallets.topUp({ walletId: device.id, amount: balance, bankCard: '6222020000000007' })
    print(`Issued a ${formFactor} (${device.type}) ${maskWalletId(device.id)} with ${yuan(balance)} on it.`)
    return { walletId: device.id, balanceBefore: balance, balanceAfter: balance }
  }
  const riders = {
    alice: await rider('13700000001', 'card', 5_000),
    bob: await rider('13700000002', 'sim', 5_000),
    carol: await rider('13700000003', 'wearable', 100), // ¥1: not enough for a fare
  }

  // Alice's card was online last at counter 40; she allows 2 offline payments of at most ¥5 each.
  const cap = await setOfflineCap(issuer, {
    walletId: riders.alice.walletId,
    single: 500,
    count: 2,
    counter: 40,
  })
  print(
    `\nAlice's card: offline cap ${yuan(cap.single)} a payment, ${cap.count} payments after counter ${cap.onlineCounter}.`,
  )

  // The gate is offline all morning; it opens for every tap and keeps a log.
  const gate = new OfflineGate('GATE0001')
  const morning = new Date(`${day}T07:00:00+08:00`)
  const at = (minutes: number) => new Date(morning.getTime() + minutes * 60_000)
  gate.tap({ walletId: riders.alice.walletId, counter: 41, fare: 300, at: at(0) })
  gate.tap({ walletId: riders.alice.walletId, counter: 41, fare: 300, at: at(0) }) // read twice
  gate.tap({ walletId: riders.bob.walletId, counter: 7, fare: 400, at: at(3) })
  gate.tap({ walletId: riders.carol.walletId, counter: 2, fare: 300, at: at(5) }) // ¥1 on it
  gate.tap({ walletId: riders.bob.walletId, counter: 8, fare: 1_200, at: at(40) }) // above ¥10 offline
  gate.tap({ walletId: riders.alice.walletId, counter: 42, fare: 300, at: at(90) })
  gate.tap({ walletId: riders.alice.walletId, counter: 43, fare: 300, at: at(100) }) // her 3rd offline payment

  // Back online: upload what is pending, 3 taps per request.
  const pending = gate.pending()
  print(`\nUploading ${pending.length} taps from ${gate.gateId} in batches of 3…`)
  const upload = await metro.transit.uploadTaps({ sceneId: line.id, taps: pending, batchSize: 3 })
  gate.acknowledge(pending.length)
  printResults(
    print,
    upload.results,
    pending.map((tap) => tap.amount),
  )
  print(
    `  ${upload.batches.length} batches: debited ${upload.totals.debitedCount} taps (${yuan(upload.totals.debited)}), ` +
      `${upload.totals.duplicates} duplicate, ${upload.totals.failed} failed — collect those out of band.`,
  )

  // The gate crashed before saving its upload mark: it sends the whole day again. Nothing is charged twice.
  const all = gate.all()
  print(`\nRe-uploading all ${all.length} taps after a restart…`)
  const reupload = await metro.transit.uploadTaps({ sceneId: line.id, taps: all })
  print(
    `  debited ${reupload.totals.debitedCount}, duplicates ${reupload.totals.duplicates}, failed ${reupload.totals.failed}: nothing charged twice.`,
  )

  for (const [name, record] of Object.entries(riders)) {
    record.balanceAfter = (await issuer.wallets.balance({ walletId: record.walletId })).available
    print(`  ${name.padEnd(6)} ${yuan(record.balanceBefore)} → ${yuan(record.balanceAfter)}`)
  }

  // Day's end: the operator closes the operating day. The 23:10 entry is priced by rule, and the
  // answer reconciles the day: ride-code trips charged and failed, offline taps debited and failed.
  const close = await metro.transit.closeDay({ sceneId: line.id, day })
  print(
    `\nClosing ${day}: ${close.closedTrips.length} open trip closed by rule (${close.closedTrips.map((t) => yuan(t.fare ?? 0)).join(', ')}).`,
  )
  print(
    `  ride codes: ${close.trips.charged} trips charged (${yuan(close.trips.chargedAmount)}), ${close.trips.failed} failed, ${close.trips.open} open`,
  )
  print(
    `  offline taps: ${close.taps.debited} debited (${yuan(close.taps.debitedAmount)}), ${close.taps.failed} failed — collect those out of band`,
  )
  return { sceneId: line.id, upload, reupload, riders, rides, close }
}
