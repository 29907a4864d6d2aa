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
 * Default caps per level (DOMAIN.md §2), in fen. WL04 follows the published figures; WL03's are the
 * sandbox default (unconfirmed); WL02's annual cap is unconfirmed and left open; WL01 is operator-set
 * with no fixed cap. Override any of them with `createRails({ levelCaps })`.
 */
export const defaultLevelCaps: LevelCapTable = {
  WL04: { balance: 1_000_000, single: 200_000, daily: 500_000, annual: 5_000_000 },
  WL03: { balance: 2_000_000, single: 500_000, daily: 1_000_000, annual: null },
  WL02: { balance: 50_000_000, single: 5_000_000, daily: 10_000_000, annual: null },
  WL01: { balance: null, single: null, daily: null, annual: null },
}

const noCaps: CapSet = { balance: null, single: null, daily: null, annual: null }

/** The caps that apply to a wallet: by level for personal wallets, none for corporate ones. */
export function capsFor(table: LevelCapTable, wallet: WalletRecord): CapSet {
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
