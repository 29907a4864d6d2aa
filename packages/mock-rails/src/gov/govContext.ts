import type { MerchantContext } from '../merchants/merchantContext.js'
import { type GovPaymentState, govPaymentStateOf } from './govPaymentState.js'

/** What the 缴款码 bill use cases work with: the merchant domain's context and the bills' own maps. */
export type GovContext = MerchantContext & { gov: GovPaymentState }

export const createGovContext = (mc: MerchantContext): GovContext => ({
  ...mc,
  gov: govPaymentStateOf(mc.ctx.state),
})
