import type { Engine } from '../engine/createEngine.js'
import type { CoreContext } from '../engine/engineContext.js'
import { type MerchantDomainState, merchantStateOf } from './merchantState.js'

/**
 * What every merchant-domain use case (merchants, gov bills, transit taps, statements) works with: the
 * rails core, the payment engine it calls like any client would (a bill paid by QR is an ordinary
 * order), and its own state kept inside the rails state, so snapshots carry it.
 */
export type MerchantContext = {
  ctx: CoreContext
  engine: Engine
  store: MerchantDomainState
  /** Rails clock, epoch ms. */
  now(): number
}

export function createMerchantContext(ctx: CoreContext, engine: Engine): MerchantContext {
  return { ctx, engine, store: merchantStateOf(ctx.state), now: () => ctx.clock.now() }
}
