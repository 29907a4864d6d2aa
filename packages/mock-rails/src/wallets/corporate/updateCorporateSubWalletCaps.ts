import { updateCorporateSubWalletCapsRequest } from '@ecny/protocol/corporate'
import type * as z from 'zod/mini'
import type { EngineContext } from '../../engine/engineContext.js'
import type { CorporateUnitCaps } from '../../state/records.js'
import { parseParams } from '../../support/parseParams.js'
import { requireCorporateParent, requireUnitOf } from './corporateUnitGuards.js'
import { corporateUnitToWire } from './corporateUnitToWire.js'

export type UpdateCorporateSubWalletCapsParameters = z.input<typeof updateCorporateSubWalletCapsRequest>

/**
 * The parent company changes a WT10 sub-wallet's caps: each cap given replaces the old one, `null`
 * removes it, one left out stays. They apply from the next payment, allocation or incoming transfer
 * (spend already counted today still counts against a new daily cap; a balance above a new balance
 * cap stays, but no more comes in until it is below). A change is added to `capsHistory`; sending
 * the same caps again changes nothing. A closed sub-wallet is refused with `wallet_closed`.
 */
export function updateCorporateSubWalletCaps(
  ctx: EngineContext,
  parentWalletId: string,
  subWalletId: string,
  input: UpdateCorporateSubWalletCapsParameters,
) {
  const params = parseParams(updateCorporateSubWalletCapsRequest, input)
  const parent = requireCorporateParent(ctx, parentWalletId)
  const unit = requireUnitOf(ctx, parent, subWalletId)
  const record = unit.corporateUnit!
  const next: CorporateUnitCaps = { ...record.caps }
  for (const cap of ['single', 'daily', 'balance'] as const) {
    const value = params.caps[cap]
    if (value !== undefined) next[cap] = value
  }
  const changed = (['single', 'daily', 'balance'] as const).some((cap) => next[cap] !== record.caps[cap])
  if (changed) {
    record.capsHistory ??= [{ caps: { ...record.caps }, effectiveFrom: unit.createdAt, memo: null }]
    record.capsHistory.push({ caps: { ...next }, effectiveFrom: ctx.clock.now(), memo: params.memo ?? null })
    record.caps = next
  }
  return corporateUnitToWire(ctx, unit)
}
