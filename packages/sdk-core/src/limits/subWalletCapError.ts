import type { LimitExceededError } from '../errors/EcnyError.js'
import { errorFrom } from '../errors/errorFrom.js'
import type { LocalisedValue } from '../errors/errorMessage.js'
import { subWalletCapExceeded } from '../errors/messagesEn.js'
import type { LimitCap } from './checkLimits.js'

export type SubWalletCapErrorParameters = {
  cap: LimitCap
  kind: LocalisedValue
  /** Each already formatted as yuan. */
  amount: string
  limit: string
  headroom: string
  /** Formatted yuan: used today / this year (daily, annual) or the balance (balance cap). */
  used: string
  /** Formatted reset time, if known (daily, annual). */
  resetAt?: string | undefined
  details: Record<string, unknown>
}

const capNames: Record<LimitCap, LocalisedValue> = {
  single: { en: 'single-payment cap', 'zh-CN': '单笔限额' },
  daily: { en: 'daily cap', 'zh-CN': '单日限额' },
  annual: { en: 'annual cap', 'zh-CN': '年度限额' },
  balance: { en: 'balance cap', 'zh-CN': '余额上限' },
}

/**
 * The refusal for a corporate sub-wallet (WT10) over one of its caps. Those caps are set by its
 * company, so the message says so and names the real way to change one
 * (`updateCorporateSubWalletCaps`), never a wallet-level upgrade. Both languages from the catalogue.
 */
export function subWalletCapError(parameters: SubWalletCapErrorParameters): LimitExceededError {
  const { cap, kind, used, resetAt } = parameters
  const at = resetAt ? { en: ` (at ${resetAt})`, 'zh-CN': `（${resetAt}）` } : { en: '', 'zh-CN': '' }
  const usedText: LocalisedValue =
    cap === 'single'
      ? { en: '', 'zh-CN': '' }
      : cap === 'balance'
        ? { en: `: it holds ${used}`, 'zh-CN': `，当前余额 ${used}` }
        : cap === 'daily'
          ? { en: `: ${used} already used today`, 'zh-CN': `，今日已用 ${used}` }
          : { en: `: ${used} already used this year`, 'zh-CN': `，今年已用 ${used}` }
  const first: LocalisedValue =
    cap === 'single'
      ? { en: `Split it into smaller ${kind.en}s`, 'zh-CN': `请拆分为金额较小的多笔${kind['zh-CN']}` }
      : cap === 'balance'
        ? { en: 'Add less', 'zh-CN': '请减少转入金额' }
        : cap === 'daily'
          ? {
              en: `Send less or wait for the daily reset${at.en}`,
              'zh-CN': `请减少金额或等待单日限额重置${at['zh-CN']}`,
            }
          : {
              en: `Send less or wait for the annual reset${at.en}`,
              'zh-CN': `请减少金额或等待年度限额重置${at['zh-CN']}`,
            }
  return errorFrom(
    subWalletCapExceeded,
    {
      kind,
      amount: parameters.amount,
      cap: capNames[cap],
      limit: parameters.limit,
      used: usedText,
      headroom: parameters.headroom,
      first,
    },
    { details: parameters.details },
  ) as LimitExceededError
}
