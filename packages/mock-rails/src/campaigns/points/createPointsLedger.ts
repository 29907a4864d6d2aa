/**
 * The rails' points ledger (PT07 and the accrual rules of a points programme): balance and history of
 * a wallet, redemption against open orders (paid from the programme's fund), a campaign team's
 * adjustments, the programme's rules and fund. Reached as `rails.campaigns.points`; `hooks` is its
 * implementation of the payment engine's `PointsPort`, which `createRails` passes in.
 */
import type { PointsRules } from '@ecny/protocol/points'
import {
  adjustPointsRequest,
  fundPointsRequest,
  redeemPointsRequest,
  updatePointsRulesRequest,
} from '@ecny/protocol/points'
import { type CoreContext, nextId } from '../../engine/engineContext.js'
import { getWalletRecord } from '../../engine/walletGuards.js'
import { type PageParameters, pageNewestFirst } from '../../support/pageNewestFirst.js'
import { parseParams } from '../../support/parseParams.js'
import { adjustPoints } from './adjustPoints.js'
import { createPointsContext } from './pointsContext.js'
import { depositToFund } from './pointsFund.js'
import { pointsPortOf } from './pointsPortOf.js'
import { pointsBalanceToWire, pointsEntryToWire, pointsFundToWire } from './pointsWire.js'
import { redeemPoints } from './redeemPoints.js'
import { settleHolds } from './settleHolds.js'
import { syncPointsBook } from './syncPointsBook.js'

export function createPointsLedger(ctx: CoreContext) {
  const pc = createPointsContext(ctx)
  const bookOf = (walletId: string) => {
    getWalletRecord(ctx, walletId)
    settleHolds(pc)
    return syncPointsBook(pc, walletId)
  }
  const fund = () => {
    settleHolds(pc)
    return pointsFundToWire(pc)
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
    /** The programme's fund: balance, reserved for open orders, available, totals. */
    fund,
    /** Money into the fund, from outside the rails (`bank_float`). */
    deposit(input: unknown) {
      const { amount } = parseParams(fundPointsRequest, input)
      depositToFund(pc, amount, nextId(ctx, 'pfd'))
      return fund()
    },
    /** The payment engine's port to points (`PointsPort`). */
    hooks: pointsPortOf(pc),
  }
}

export type PointsLedger = ReturnType<typeof createPointsLedger>
