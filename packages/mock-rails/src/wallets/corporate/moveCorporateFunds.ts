import { corporateFundsMovementRequest } from '@ecny/protocol/corporate'
import type * as z from 'zod/mini'
import type { EngineContext } from '../../engine/engineContext.js'
import { nextId } from '../../engine/engineContext.js'
import { moveMoney } from '../../engine/moveMoney.js'
import { assertCreditWithinCap, assertFunds, balanceOf } from '../../engine/walletGuards.js'
import { parseParams } from '../../support/parseParams.js'
import { RailsError } from '../../support/railsError.js'
import { formatTimestamp } from '../../support/shanghaiTime.js'
import { requireCorporateParent, requireUnitOf } from './corporateUnitGuards.js'

export type CorporateFundsMovementParameters = z.input<typeof corporateFundsMovementRequest>

/**
 * Moves funds inside one company: an `allocation` from the WT09 parent to a WT10 sub-wallet (checked
 * against the parent's funds and the sub-wallet's balance cap), or a `collection` back to the parent
 * (the given amount, or the whole balance). Each shows in both wallets' transactions
 * (`sub_wallet_funding` / `sub_wallet_return`), so every sub-wallet has its own statement.
 */
export function moveCorporateFunds(
  ctx: EngineContext,
  kind: 'allocation' | 'collection',
  parentWalletId: string,
  input: CorporateFundsMovementParameters,
) {
  const params = parseParams(corporateFundsMovementRequest, input)
  const parent = requireCorporateParent(ctx, parentWalletId)
  const unit = requireUnitOf(ctx, parent, params.subWalletId)
  const amount = params.amount ?? (kind === 'collection' ? balanceOf(ctx, unit.id) : undefined)
  if (amount === undefined) {
    throw new RailsError('invalid_request', 'Invalid request: amount: required for an allocation (fen).', {
      issues: [{ path: 'amount', message: 'required for an allocation' }],
    })
  }
  if (amount === 0) {
    throw new RailsError(
      'invalid_request',
      'Invalid request: amount: nothing to collect, the sub-wallet is empty.',
      {
        issues: [{ path: 'amount', message: 'the sub-wallet is empty' }],
      },
    )
  }
  const [from, to] = kind === 'allocation' ? [parent, unit] : [unit, parent]
  assertFunds(ctx, from.id, amount)
  if (kind === 'allocation') assertCreditWithinCap(ctx, unit, amount)
  const id = nextId(ctx, kind === 'allocation' ? 'alc' : 'col')
  const lineKind = kind === 'allocation' ? 'sub_wallet_funding' : 'sub_wallet_return'
  moveMoney(ctx, `corporate_${kind}`, id, [
    { walletId: from.id, amount: -amount, kind: lineKind },
    { walletId: to.id, amount, kind: lineKind },
  ])
  return {
    id,
    kind,
    parentWalletId: parent.id,
    subWalletId: unit.id,
    amount,
    memo: params.memo ?? null,
    parentAvailable: balanceOf(ctx, parent.id),
    subWalletAvailable: balanceOf(ctx, unit.id),
    createdAt: formatTimestamp(ctx.clock.now()),
  }
}
