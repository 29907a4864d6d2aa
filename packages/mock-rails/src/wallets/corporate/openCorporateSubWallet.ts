import { openCorporateSubWalletRequest } from '@ecny/protocol/corporate'
import type * as z from 'zod/mini'
import type { EngineContext } from '../../engine/engineContext.js'
import { nextWalletId } from '../../engine/engineContext.js'
import { createUsage } from '../../engine/usage.js'
import { walletAccount } from '../../ledger/ledger.js'
import type { WalletRecord } from '../../state/records.js'
import { parseParams } from '../../support/parseParams.js'
import { requireCorporateParent } from './corporateUnitGuards.js'
import { corporateUnitToWire } from './corporateUnitToWire.js'

export type OpenCorporateSubWalletParameters = z.input<typeof openCorporateSubWalletRequest>

/**
 * Opens a WT10 sub-wallet (子对公钱包) under a WT09 corporate wallet, for a department or store, with
 * its own single, daily and balance caps (each optional). It belongs to the same entity, starts empty
 * and is funded only by its parent's allocations (or by payments it takes in).
 */
export function openCorporateSubWallet(
  ctx: EngineContext,
  parentWalletId: string,
  input: OpenCorporateSubWalletParameters,
) {
  const params = parseParams(openCorporateSubWalletRequest, input)
  const parent = requireCorporateParent(ctx, parentWalletId)
  const now = ctx.clock.now()
  const caps = {
    single: params.caps?.single ?? null,
    daily: params.caps?.daily ?? null,
    balance: params.caps?.balance ?? null,
  }
  const unit: WalletRecord = {
    id: nextWalletId(ctx, 'wallet'),
    type: 'WT10',
    level: parent.level,
    status: 'active',
    holder: { ...parent.holder },
    linkedBankCard: null,
    branchId: null,
    tags: [],
    usage: createUsage(now),
    createdAt: now,
    closedAt: null,
    corporateUnit: {
      parentWalletId: parent.id,
      name: params.name,
      caps,
      capsHistory: [{ caps: { ...caps }, effectiveFrom: now, memo: null }],
    },
  }
  ctx.state.wallets.set(unit.id, unit)
  ctx.ledger.openAccount(walletAccount(unit.id), 'wallet')
  return corporateUnitToWire(ctx, unit)
}
