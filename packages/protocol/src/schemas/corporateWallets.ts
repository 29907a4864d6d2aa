/** Response shapes of the corporate (对公) parent and sub-wallet operations. */
import * as z from 'zod/mini'
import { fen, timestamp, tolerantEnum } from './common.js'

export const corporateSubWallet = z.looseObject({
  id: z.string(),
  parentWalletId: z.string(),
  name: z.string(),
  status: tolerantEnum(['active', 'closed']),
  caps: z.looseObject({
    single: z.nullable(fen),
    daily: z.nullable(fen),
    balance: z.nullable(fen),
  }),
  available: fen,
  usedToday: fen,
  createdAt: timestamp,
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
