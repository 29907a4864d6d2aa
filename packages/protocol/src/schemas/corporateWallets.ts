/** Response shapes of the corporate (对公) parent and sub-wallet operations. */
import * as z from 'zod/mini'
import { fen, timestamp, tolerantEnum } from './common.js'

/** A WT10 sub-wallet's caps in fen; `null`: no such cap. */
const unitCaps = z.looseObject({
  single: z.nullable(fen),
  daily: z.nullable(fen),
  balance: z.nullable(fen),
})

export const corporateSubWallet = z.looseObject({
  id: z.string(),
  parentWalletId: z.string(),
  name: z.string(),
  status: tolerantEnum(['active', 'closed']),
  /** The caps in force now, set by the parent. */
  caps: unitCaps,
  /**
   * Every set of caps the sub-wallet has had, oldest first, each with when it took effect; the last
   * is `caps`. Optional: older gateways do not keep it.
   */
  capsHistory: z.optional(
    z.array(
      z.looseObject({ caps: unitCaps, effectiveFrom: timestamp, memo: z.optional(z.nullable(z.string())) }),
    ),
  ),
  available: fen,
  usedToday: fen,
  createdAt: timestamp,
  /** When the parent closed it; a closed sub-wallet stays readable, with its statement. */
  closedAt: z.optional(z.nullable(timestamp)),
})
export type CorporateSubWallet = z.infer<typeof corporateSubWallet>

export const corporateFundsMovement = z.looseObject({
  id: z.string(),
  kind: tolerantEnum(['allocation', 'collection']),
  parentWalletId: z.string(),
  subWalletId: z.string(),
  amount: fen,
  memo: z.nullable(z.string()),
  parentAvailable: fen,
  subWalletAvailable: fen,
  createdAt: timestamp,
})
export type CorporateFundsMovement = z.infer<typeof corporateFundsMovement>

/** A closed sub-wallet and the collection that swept its balance back to the parent (`null`: it was empty). */
export const closedCorporateSubWallet = z.looseObject({
  subWallet: corporateSubWallet,
  collection: z.nullable(corporateFundsMovement),
})
export type ClosedCorporateSubWallet = z.infer<typeof closedCorporateSubWallet>
