import { limits, tapBatchRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import { nextId } from '../engine/engineContext.js'
import type { MerchantContext } from '../merchants/merchantContext.js'
import type { TapRecord } from '../merchants/merchantState.js'
import { parseParams } from '../support/parseParams.js'
import { RailsError } from '../support/railsError.js'
import { formatTimestamp } from '../support/shanghaiTime.js'
import { tapDay, withinOfflineCap } from './offlineCap.js'
import { registeredGate } from './registeredGate.js'
import { operatingDayOf, rideCodeRulesOf } from './rideCodeRules.js'
import { transitScene } from './transitScene.js'
import { transitStateOf } from './transitState.js'

type TapResult = {
  walletId: string
  counter: number
  status: 'debited' | 'duplicate' | 'failed'
  orderId: string | null
  failureCode: string | null
}

/**
 * `POST /v1/transit/tap-batches`: deferred debit of offline taps, one result per tap. A tap already
 * seen (same wallet and counter) is a `duplicate`; each new one is an ordinary `qr` order paid by the
 * tapping wallet, or closed when the wallet refuses (`failed` with its code). A tap above the
 * scene's offline maximum or outside the holder's offline cap (amount, or more payments since the
 * wallet was last online than the cap's count) is `failed` with `limit_exceeded`. Every gate must be
 * registered on the scene (`gate_unknown` refuses the whole batch first).
 */
export function uploadTapBatch(mc: MerchantContext, input: z.input<typeof tapBatchRequest>) {
  const params = parseParams(tapBatchRequest, input)
  const transit = transitScene(mc, params.sceneId)
  const { scene } = transit
  const offline = transit.settings.offlineTaps
  if (!offline?.enabled) {
    throw new RailsError(
      'permission_denied',
      `Scene ${scene.id} does not accept offline taps. Enable offlineTaps on the scene.`,
      {
        sceneId: scene.id,
      },
    )
  }
  // Every tap's gate first: a batch with a tap from an unregistered gate is refused whole, nothing charged.
  for (const [i, tap] of params.taps.entries()) registeredGate(transit, tap.gateId, `taps[${i}].gateId`)
  const maxAmount = offline.maxAmount ?? limits.maxOfflineTapFen
  const state = transitStateOf(mc.ctx.state)
  const rules = rideCodeRulesOf(transit.settings)
  const results: TapResult[] = []
  const totals = { debited: 0, debitedCount: 0, duplicates: 0, failed: 0 }
  for (const tap of params.taps) {
    const key = `${tap.walletId}\u241f${tap.counter}`
    const seen = mc.store.transitTaps.get(key)
    if (seen) {
      totals.duplicates++
      results.push({
        walletId: tap.walletId,
        counter: tap.counter,
        status: 'duplicate',
        orderId: seen.orderId,
        failureCode: null,
      })
      continue
    }
    let record: TapRecord
    if (tap.amount > maxAmount || !withinOfflineCap(state, tap)) {
      record = { orderId: null, status: 'failed', failureCode: 'limit_exceeded' }
    } else {
      const order = mc.engine.createOrder({
        merchantId: scene.merchantId,
        merchantOrderNo: `TAP-${tap.walletId}-${tap.counter}`,
        amount: tap.amount,
        description: `${scene.name} fare`.replace(/[/=&]/g, ' ').slice(0, 40),
        mode: 'qr',
        sceneId: scene.id,
        terminalId: tap.gateId,
      })
      try {
        mc.engine.payOrder(order.id, { walletId: tap.walletId })
        record = { orderId: order.id, status: 'debited', failureCode: null }
      } catch (error) {
        if (!(error instanceof RailsError)) throw error
        mc.engine.closeOrder(order.id)
        record = { orderId: order.id, status: 'failed', failureCode: error.code }
      }
    }
    mc.store.transitTaps.set(key, record)
    const day = tapDay(state, scene.id, operatingDayOf(Date.parse(tap.tappedAt), rules.operatingDayStartsAt))
    if (record.status === 'debited') {
      day.debited++
      day.debitedAmount += tap.amount
    } else day.failed++
    if (record.status === 'debited') {
      totals.debited += tap.amount
      totals.debitedCount++
    } else totals.failed++
    results.push({
      walletId: tap.walletId,
      counter: tap.counter,
      status: record.status,
      orderId: record.orderId,
      failureCode: record.failureCode,
    })
  }
  return {
    id: nextId(mc.ctx, 'tpb'),
    sceneId: scene.id,
    results,
    totals,
    createdAt: formatTimestamp(mc.now()),
  }
}
