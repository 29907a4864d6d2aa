import { limits, type tapBatchRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import { nextId } from '../engine/engineContext.js'
import type { MerchantContext } from '../merchants/merchantContext.js'
import { RailsError } from '../support/railsError.js'
import { formatTimestamp } from '../support/shanghaiTime.js'
import { debitTaps, parseTapBatch } from './deferredDebit.js'
import { isRegisteredGate, registeredGate } from './registeredGate.js'
import { rideCodeRulesOf } from './rideCodeRules.js'
import { transitScene } from './transitScene.js'
import { transitStateOf } from './transitState.js'

/**
 * `POST /v1/transit/tap-batches`: deferred debit of offline taps, one result per tap. A tap already
 * seen (same wallet and counter) is a `duplicate`; each new one is debited from the tapping wallet in
 * bulk ({@link debitTaps}: one journal entry and one wallet history line per tap, no order), or
 * `failed` with the wallet's code when it refuses. A tap above the scene's offline maximum or outside
 * the holder's offline cap (amount, or more payments since the wallet was last online than the cap's
 * count) is `failed` with `limit_exceeded`. Every gate must be registered on the scene
 * (`gate_unknown` refuses the whole batch first).
 */
export function uploadTapBatch(mc: MerchantContext, input: z.input<typeof tapBatchRequest>) {
  const params = parseTapBatch(input)
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
  const { taps } = params
  for (let i = 0; i < taps.length; i++) {
    if (!isRegisteredGate(transit, taps[i]!.gateId))
      registeredGate(transit, taps[i]!.gateId, `taps[${i}].gateId`)
  }
  const maxAmount = offline.maxAmount ?? limits.maxOfflineTapFen
  const state = transitStateOf(mc.ctx.state)
  const rules = rideCodeRulesOf(transit.settings)
  const id = nextId(mc.ctx, 'tpb')
  const { results, totals } = debitTaps(mc, transit, state, taps, id, maxAmount, rules.operatingDayStartsAt)
  return {
    id,
    sceneId: scene.id,
    results,
    totals,
    createdAt: formatTimestamp(mc.now()),
  }
}
