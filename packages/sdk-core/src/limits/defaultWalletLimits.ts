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
  /**
   * `confirmed`: every cap published by the PBOC or reported consistently; `unconfirmed`: at least one
   * cap (listed in `unconfirmedCaps`) is a documented, configurable default.
   */
  status: 'confirmed' | 'unconfirmed'
  /** The caps of this row that no public source confirms (sandbox defaults; set your operator's). */
  unconfirmedCaps?: ReadonlyArray<keyof WalletCaps>
  note?: string
}

export type DefaultLimitTable = Record<WalletLevel, DefaultLimitEntry>

/** Caps to override, level by level and cap by cap (fen). */
export type LimitDefaultsOverride = Partial<Record<WalletLevel, Partial<WalletCaps>>>

/** Bumped whenever a figure in `defaultWalletLimits` changes. */
export const defaultWalletLimitsVersion = '2026-12-02'

const yuan = (amount: number) => amount * 100

/**
 * The SDK's own per-level caps (DOMAIN.md §2 and §7), used for pre-checks only when the gateway does
 * not answer `GET /v1/wallets/{id}/limits`; the mock rails enforce the same table by default. Every
 * cap is finite: where no source gives a figure, the row says so (`unconfirmedCaps`) and the figure
 * is a documented default. Operators set their own caps and change them over time (CCB's 2020 trial
 * used another table: `ccb2020WalletLimits`): the gateway's figures always win, and the gateway
 * enforces its caps whatever the SDK checks.
 *
 * @example
 * defaultWalletLimits.WL04.caps.single // 200000 (¥2,000.00)
 * defaultWalletLimits.WL01.unconfirmedCaps // ['balance', 'single', 'daily', 'annual']
 */
export const defaultWalletLimits: DefaultLimitTable = {
  WL04: {
    caps: { balance: yuan(10_000), single: yuan(2_000), daily: yuan(5_000), annual: yuan(50_000) },
    source: 'Mu Changchun, Lujiazui Forum 2021; PBOC visitor guide',
    status: 'confirmed',
  },
  WL03: {
    caps: { balance: yuan(20_000), single: yuan(5_000), daily: yuan(10_000), annual: yuan(300_000) },
    source: 'operator-set; sandbox defaults',
    status: 'unconfirmed',
    unconfirmedCaps: ['balance', 'single', 'daily', 'annual'],
    note: 'Annual ¥300,000 follows CCB 2020 class 2 (balance ¥10k, annual ¥300k).',
  },
  WL02: {
    caps: { balance: yuan(500_000), single: yuan(50_000), daily: yuan(100_000), annual: yuan(500_000) },
    source: 'Caixin via forkast.news; tellerreport 2021-06-12',
    status: 'unconfirmed',
    unconfirmedCaps: ['annual'],
    note: 'Annual ¥500,000 follows CCB 2020 class 1, whose other three caps equal these.',
  },
  WL01: {
    caps: {
      balance: yuan(1_000_000),
      single: yuan(100_000),
      daily: yuan(200_000),
      annual: yuan(1_000_000),
    },
    source: 'operator-set, no published figure; sandbox defaults (twice WL02)',
    status: 'unconfirmed',
    unconfirmedCaps: ['balance', 'single', 'daily', 'annual'],
  },
}

/**
 * CCB's 2020 trial table (xiguacaijing.com 2020/27414, DOMAIN.md §7), class 1–4 mapped to WL01–WL04:
 * how far one operator's caps differ from the table above. Pass it as `limitDefaults` (SDK) or
 * `levelCaps` (mock rails) to run against these caps.
 *
 * @example
 * createRails({ levelCaps: ccb2020WalletLimits })
 * ccb2020WalletLimits.WL04.single // 50000 (¥500.00)
 */
export const ccb2020WalletLimits: Record<WalletLevel, WalletCaps> = {
  WL01: { balance: yuan(500_000), single: yuan(50_000), daily: yuan(100_000), annual: yuan(500_000) },
  WL02: { balance: yuan(10_000), single: yuan(5_000), daily: yuan(10_000), annual: yuan(300_000) },
  WL03: { balance: yuan(2_000), single: yuan(2_000), daily: yuan(2_000), annual: yuan(50_000) },
  WL04: { balance: yuan(1_000), single: yuan(500), daily: yuan(1_000), annual: yuan(10_000) },
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
