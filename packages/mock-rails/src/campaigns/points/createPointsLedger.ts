/**
 * The rails' points ledger (PT07 and the accrual rules of a points programme): balance and history of
 * a wallet, redemption against payments, a campaign team's adjustments, and the programme's rules.
 * Reached as `rails.campaigns.points`.
 */
import type { PointsRules } from '@ecny/protocol/points'
import { adjustPointsRequest, redeemPointsRequest, updatePointsRulesRequest } from '@ecny/protocol/points'
import type { CoreContext } from '../../engine/engineContext.js'
import { getWalletRecord } from '../../engine/walletGuards.js'
import { type PageParameters, pageNewestFirst } from '../../support/pageNewestFirst.js'
import { parseParams } from '../../support/parseParams.js'
import { adjustPoints } from './adjustPoints.js'
import { createPointsContext } from './pointsContext.js'
import { pointsBalanceToWire, pointsEntryToWire } from './pointsWire.js'
import { redeemPoints } from './redeemPoints.js'
import { syncPointsBook } from './syncPointsBook.js'

export function createPointsLedger(ctx: CoreContext) {
  const pc = createPointsContext(ctx)
  const bookOf = (walletId: string) => {
    getWalletRecord(ctx, walletId)
    return syncPointsBook(pc, walletId)
  }
  return {
    get: (walletId: string) => pointsBalanceToWire(pc, bookOf(walletId)),
    list: (walletId: string, query: PageParameters = {}) =>
      pageNewestFirst(bookOf(walletId).entries, query, (entry) => pointsEntryToWire(walletId, entry)),
    redeem(walletId: string, input: unknown) {
      bookOf(walletId)
      return pointsEntryToWire(walletId, redeemPoints(pc, walletId, parseParams(redeemPointsRequest, input)))
    },
    adjust(walletId: string, input: unknown) {
      bookOf(walletId)
      return pointsEntryToWire(walletId, adjustPoints(pc, walletId, parseParams(adjustPointsRequest, input)))
    },
    rules: (): PointsRules => pc.rules(),
    updateRules(input: unknown): PointsRules {
      const change = parseParams(updatePointsRulesRequest, input)
      const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined))
      pc.store.pointsSettings.set('rules', { ...pc.rules(), ...defined })
      return pc.rules()
    },
  }
}

export type PointsLedger = ReturnType<typeof createPointsLedger>
