import type { WalletLevel } from '@ecny/protocol'

/** A wallet's caps in fen; `null` means no cap. */
export type WalletCaps = {
  /** Most the wallet may hold. */
  balance: number | null
  /** Most one payment or transfer may be. */
  single: number | null
  /** Most that may go out per day (Asia/Shanghai). */
  daily: number | null
  /** Most that may go out per calendar year. */
  annual: number | null
}

/** One row of the default table: the caps, where they come from, and whether they are confirmed. */
export type DefaultLimitEntry = {
  caps: WalletCaps
  /** Where the figures come from. */
  source: string
  /** `confirmed`: published by the PBOC or reported consistently; `unconfirmed`: a configurable guess. */
  status: 'confirmed' | 'unconfirmed'
  note?: string
}

export type DefaultLimitTable = Record<WalletLevel, DefaultLimitEntry>

/** Caps to override, level by level and cap by cap (fen). */
export type LimitDefaultsOverride = Partial<Record<WalletLevel, Partial<WalletCaps>>>

/** Bumped whenever a figure in `defaultWalletLimits` changes. */
export const defaultWalletLimitsVersion = '2025-01-01'

const yuan = (amount: number) => amount * 100

/**
 * The SDK's own per-level caps (DOMAIN.md §2), used for pre-checks only when the gateway does not
 * answer `GET /v1/wallets/{id}/limits`. Operators set their own caps and change them over time:
 * the gateway's figures always win, and the gateway enforces its caps whatever the SDK checks.
 *
 * @example
 * defaultWalletLimits.WL04.caps.single // 200000 (¥2,000.00)
 */
export const defaultWalletLimits: DefaultLimitTable = {
  WL04: {
    caps: { balance: yuan(10_000), single: yuan(2_000), daily: yuan(5_000), annual: yuan(50_000) },
    source: 'Mu Changchun, Lujiazui Forum 2021; PBOC visitor guide',
    status: 'confirmed',
  },
  WL03: {
    caps: { balance: yuan(20_000), single: yuan(5_000), daily: yuan(10_000), annual: null },
    source: 'sandbox default; operator-set',
    status: 'unconfirmed',
  },
  WL02: {
    caps: { balance: yuan(500_000), single: yuan(50_000), daily: yuan(100_000), annual: null },
    source: 'Caixin via forkast.news; tellerreport 2021-06-12',
    status: 'confirmed',
    note: 'The annual cap is unconfirmed and left open.',
  },
  WL01: {
    caps: { balance: null, single: null, daily: null, annual: null },
    source: 'unofficial: operator-set, no fixed cap',
    status: 'unconfirmed',
  },
}

/**
 * The default table with your overrides applied (e.g. your operator's WL03 caps). An overridden
 * level is marked `unconfirmed` with source `override`.
 *
 * @example
 * const table = mergeLimitDefaults({ WL03: { single: 300_000 } })
 * table.WL03.caps.single // 300000
 */
export function mergeLimitDefaults(override: LimitDefaultsOverride = {}): DefaultLimitTable {
  const table = { ...defaultWalletLimits }
  for (const level of Object.keys(override) as WalletLevel[]) {
    const caps = override[level]
    if (!caps || !table[level]) continue
    table[level] = {
      caps: { ...table[level].caps, ...caps },
      source: 'override',
      status: 'unconfirmed',
    }
  }
  return table
}
