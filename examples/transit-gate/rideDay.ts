import { type EcnyClient, formatYuan } from '@ecny/sdk-core'
import type { MerchantClient, RideScan } from '@ecny/sdk-merchant'

export type RideDayResult = {
  walletId: string
  /** Each scan's answer, in the order the gates sent them. */
  scans: RideScan[]
}

const yuan = (fen: number) => `¥${formatYuan(fen)}`

/**
 * A rider's day on ride codes (乘车码): the rider pushes a sub-wallet to the metro, which issues a
 * ride code for the app. Morning: in at S01, out at S03 (priced by the fare table). A gate reads
 * the exit twice (a `duplicate`, nothing charged). Evening: the rider slips in behind someone and
 * is read only at the exit — an exit without entry, priced by the scene's rule (the maximum fare).
 * Last: an entry at 23:10 never exited; the operator's close of the day prices it by rule.
 */
export async function rideADay(params: {
  metro: MerchantClient
  wallets: EcnyClient
  sceneId: string
  merchantId: string
  day: string
  print: (line: string) => void
}): Promise<RideDayResult> {
  const { metro, wallets, sceneId, print } = params
  const rider = await wallets.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13700000009' })
  await wallets.wallets.topUp({ walletId: rider.id, amount: 5_000, bankCard: '6222020000000007' })
  const sub = await wallets.wallets.subWallets.push({
    walletId: rider.id,
    merchantId: params.merchantId,
    caps: { single: 2_000, daily: 5_000 },
  })
  const rideCode = await metro.transit.issueRideCode({ sceneId, subWalletId: sub.id })
  print(`\nRide code ${rideCode.code} issued on sub-wallet ${sub.id}.`)

  const scans: RideScan[] = []
  const scan = async (gateId: string, direction: 'entry' | 'exit', time: string, note: string) => {
    const answer = await metro.transit.scan({
      sceneId,
      code: rideCode.code,
      gateId,
      direction,
      scannedAt: `${params.day}T${time}:00+08:00`,
    })
    scans.push(answer)
    const { trip } = answer
    const fare = trip.fare === null ? '' : ` ${yuan(trip.fare)} (${trip.pricedBy}, ${trip.status})`
    print(`  ${time} ${direction.padEnd(5)} ${gateId}  ${answer.outcome}${fare}  — ${note}`)
  }
  await scan('GATE0001', 'entry', '08:02', 'in at S01')
  await scan('GATE0003', 'exit', '08:31', 'out at S03: 5.1 km, the ¥3 band')
  await scan('GATE0003', 'exit', '08:31', 'the gate read the phone twice')
  await scan('GATE0002', 'exit', '18:40', 'no entry read: the exit-without-entry rule')
  await scan('GATE0001', 'entry', '23:10', 'in at S01, never read out')
  return { walletId: rider.id, scans }
}
