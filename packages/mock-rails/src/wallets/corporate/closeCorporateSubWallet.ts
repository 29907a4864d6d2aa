import { closeCorporateSubWalletRequest } from '@ecny/protocol/corporate'
import type * as z from 'zod/mini'
import type { EngineContext } from '../../engine/engineContext.js'
import { walletStateMachine } from '../../engine/stateMachines/walletStateMachine.js'
import { balanceOf } from '../../engine/walletGuards.js'
import { parseParams } from '../../support/parseParams.js'
import { retirePaymentCode } from '../retirePaymentCode.js'
import { requireCorporateParent, requireUnitOf } from './corporateUnitGuards.js'
import { corporateUnitToWire } from './corporateUnitToWire.js'
import { moveCorporateFunds } from './moveCorporateFunds.js'

export type CloseCorporateSubWalletParameters = z.input<typeof closeCorporateSubWalletRequest>

/**
 * The parent company closes a WT10 sub-wallet: whatever it holds goes back to the parent as one
 * collection (one balanced ledger entry, a `sub_wallet_return` line in both statements), then it is
 * closed. From then on it refuses payments, allocations and incoming money with `wallet_closed`;
 * it stays in the parent's list and its statement stays readable. Closing a closed one is refused
 * the same way.
 */
export function closeCorporateSubWallet(
  ctx: EngineContext,
  parentWalletId: string,
  subWalletId: string,
  input: CloseCorporateSubWalletParameters,
) {
  const params = parseParams(closeCorporateSubWalletRequest, input)
  const parent = requireCorporateParent(ctx, parentWalletId)
  const unit = requireUnitOf(ctx, parent, subWalletId)
  walletStateMachine.assert(unit.status, 'closed')
  const collection =
    balanceOf(ctx, unit.id) > 0
      ? moveCorporateFunds(ctx, 'collection', parent.id, {
          subWalletId: unit.id,
          ...(params.memo !== undefined && { memo: params.memo }),
        })
      : null
  unit.status = 'closed'
  unit.closedAt = ctx.clock.now()
  retirePaymentCode(ctx, unit.id)
  return { subWallet: corporateUnitToWire(ctx, unit), collection }
}
