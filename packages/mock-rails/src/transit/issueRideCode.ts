import { issueRideCodeRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import { nextId } from '../engine/engineContext.js'
import type { MerchantContext } from '../merchants/merchantContext.js'
import { parseParams } from '../support/parseParams.js'
import { RailsError } from '../support/railsError.js'
import { transitScene } from './transitScene.js'
import { transitStateOf } from './transitState.js'
import { wireRideCode } from './transitWire.js'

/**
 * `POST /v1/transit/ride-codes`: a ride code (乘车码) for the rider's app, backed by a sub-wallet the
 * rider pushed to the transit operator (it is charged password-free at each exit, within its caps).
 */
export function issueRideCode(mc: MerchantContext, input: z.input<typeof issueRideCodeRequest>) {
  const params = parseParams(issueRideCodeRequest, input)
  const transit = transitScene(mc, params.sceneId)
  const sub = mc.ctx.state.subWallets.get(params.subWalletId)
  if (!sub || sub.merchantId !== transit.scene.merchantId) {
    throw new RailsError(
      'permission_denied',
      `Sub-wallet ${params.subWalletId} was not pushed to this transit operator. Ask the rider to push a sub-wallet to you first.`,
      { subWalletId: params.subWalletId },
    )
  }
  if (sub.status !== 'active')
    throw new RailsError(
      'sub_wallet_revoked',
      'The rider revoked this sub-wallet. Ask them to push a new one.',
    )
  const state = transitStateOf(mc.ctx.state)
  const id = nextId(mc.ctx, 'rdc')
  const record = {
    id,
    sceneId: transit.scene.id,
    subWalletId: sub.id,
    code: `ECNYRIDE:${id}`,
    createdAt: mc.now(),
  }
  state.rideCodes.set(id, record)
  state.rideCodeByCode.set(record.code, id)
  return wireRideCode(record)
}
