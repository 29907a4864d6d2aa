import type { MerchantContext } from '../merchants/merchantContext.js'
import type { TransitScene } from './transitScene.js'
import type { TransitState, TripRecord } from './transitState.js'

/**
 * Debits a closed trip once: one `sub_wallet` order per trip, numbered by the trip (`TRIP-{id}`), so
 * a trip can never be charged twice. A refusal (caps, funds, a revoked sub-wallet) leaves the trip
 * `failed` with the wallet's code, for the operator to collect out of band.
 */
export function chargeTrip(
  mc: MerchantContext,
  transit: TransitScene,
  state: TransitState,
  trip: TripRecord,
  fare: number,
  pricedBy: NonNullable<TripRecord['pricedBy']>,
): void {
  const rideCode = state.rideCodes.get(trip.rideCodeId)!
  trip.fare = fare
  trip.pricedBy = pricedBy
  const order = mc.engine.createOrder({
    merchantId: transit.scene.merchantId,
    merchantOrderNo: `TRIP-${trip.id}`,
    amount: fare,
    description: `${transit.scene.name} fare`.replace(/[/=&]/g, ' ').slice(0, 40),
    mode: 'sub_wallet',
    subWalletId: rideCode.subWalletId,
    sceneId: transit.scene.id,
    ...((trip.exit ?? trip.entry) && { terminalId: (trip.exit ?? trip.entry)!.gateId }),
  })
  trip.orderId = order.id
  trip.status = order.status === 'succeeded' ? 'charged' : 'failed'
  trip.failureCode = order.status === 'succeeded' ? null : (order.failureCode ?? 'gateway_error')
}
