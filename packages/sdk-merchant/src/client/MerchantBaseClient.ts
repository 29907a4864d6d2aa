import type { EcnyBaseClient } from '@ecny/sdk-core'
import type { InFlightCreateStore } from '../actions/orders/inFlightCreateStore.js'

/**
 * What every merchant action receives: the sdk-core transport, plus the merchant it acts for by
 * default. Build one with `createMerchantClient`, or pass `createBaseClient(config)` (then name the
 * merchant in each call, unless your app acts for exactly one merchant).
 */
export type MerchantBaseClient = EcnyBaseClient & {
  /** The merchant actions act for when a call does not name one. */
  readonly merchantId?: string | undefined
  /**
   * Where `createOrder` writes each create down until a final answer came back (see
   * `recoverInFlightCreates`); none: nothing is recorded.
   */
  readonly inFlightCreates?: InFlightCreateStore | undefined
  /**
   * The operator whose dialect the client speaks (`cmb` for `operator: cmb({...})`); unset for the
   * reference protocol. Actions whose steps differ there read it (`createAppHandoff`: the operator
   * seals the hand-off itself).
   */
  readonly operator?: string | undefined
}
