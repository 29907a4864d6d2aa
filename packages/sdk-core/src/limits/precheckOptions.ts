import { walletLevels } from '@ecny/protocol'
import * as z from 'zod/mini'
import { fenSchema } from '../money/schemas.js'
import type { LimitDefaultsOverride } from './defaultWalletLimits.js'

/** Options of every action that pre-checks limits (`payOrder`, `createTransfer`, `topUpWallet`). */
export type PrecheckOptions = {
  /**
   * `false` skips the SDK's local check of caps and balance, e.g. when a campaign benefit will lower
   * the amount charged. The gateway enforces its caps either way. Default `true`.
   */
  precheck?: boolean | undefined
  /** Caps (fen) to use instead of the SDK's default table when the gateway does not report limits. */
  limitDefaults?: LimitDefaultsOverride | undefined
}

const cap = z.optional(z.nullable(fenSchema))

/** The zod shape of `PrecheckOptions`, spread into an action's parameter schema. */
export const precheckShape = {
  precheck: z.optional(z.boolean({ error: 'precheck must be true or false' })),
  limitDefaults: z.optional(
    z.partialRecord(z.enum(walletLevels), z.object({ balance: cap, single: cap, daily: cap, annual: cap })),
  ),
}
