import { defaultWalletLimits } from '@ecny/sdk-core'
import type { WalletLevel, WalletRecord } from '../state/records.js'

/** A wallet's caps in fen; `null` means no cap. */
export type CapSet = {
  balance: number | null
  single: number | null
  daily: number | null
  annual: number | null
}

export type LevelCapTable = Record<WalletLevel, CapSet>

/**
 * Default caps per level in fen: the SDK's `defaultWalletLimits` (DOMAIN.md §2 and §7), so the SDK's
 * pre-checks and the rails agree. Every cap is finite; where no source gives a figure the SDK's table
 * marks it unconfirmed. Override any of them with `createRails({ levelCaps })` (e.g.
 * `ccb2020WalletLimits` for CCB's 2020 trial table).
 */
export const defaultLevelCaps: LevelCapTable = {
  WL04: { ...defaultWalletLimits.WL04.caps },
  WL03: { ...defaultWalletLimits.WL03.caps },
  WL02: { ...defaultWalletLimits.WL02.caps },
  WL01: { ...defaultWalletLimits.WL01.caps },
}

const noCaps: CapSet = { balance: null, single: null, daily: null, annual: null }

/**
 * The caps that apply to a wallet: by level for personal wallets, none for corporate ones, and a
 * corporate sub-wallet's (WT10) own caps, set by its parent.
 */
export function capsFor(table: LevelCapTable, wallet: WalletRecord): CapSet {
  if (wallet.corporateUnit) return { ...wallet.corporateUnit.caps, annual: null }
  return wallet.type === 'WT09' ? noCaps : table[wallet.level]
}

/** A table with the defaults, overridden level by level and cap by cap. */
export function mergeLevelCaps(overrides: Partial<Record<WalletLevel, Partial<CapSet>>> = {}): LevelCapTable {
  const table = {} as LevelCapTable
  for (const level of Object.keys(defaultLevelCaps) as WalletLevel[]) {
    table[level] = { ...defaultLevelCaps[level], ...overrides[level] }
  }
  return table
}
