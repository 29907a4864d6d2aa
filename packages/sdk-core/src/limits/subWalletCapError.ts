import type { LimitExceededError } from '../errors/EcnyError.js'
import { errorFrom } from '../errors/errorFrom.js'
import type { LocalisedValue } from '../errors/errorMessage.js'
import { subWalletCapExceeded } from '../errors/messagesEn.js'
import type { LimitCap } from './checkLimits.js'

const capNames: Record<LimitCap, LocalisedValue> = {
  single: { en: 'single-payment cap', 'zh-CN': '单笔限额' },
  daily: { en: 'daily cap', 'zh-CN': '单日限额' },
  annual: { en: 'annual cap', 'zh-CN': '年度限额' },
  balance: { en: 'balance cap', 'zh-CN': '余额上限' },
}

/**
 * The refusal for a corporate sub-wallet (WT10) over one of its caps. Those caps are set by its
 * company, so the message says so and names the real way to change one
 * (`updateCorporateSubWalletCaps`), never a wallet-level upgrade. Both languages from the catalogue;
 * amounts already formatted as yuan, `details` as the other limit refusals.
 */
export function subWalletCapError(
  cap: LimitCap,
  params: { kind: LocalisedValue; amount: string; limit: string; headroom: string },
  details: Record<string, unknown>,
): LimitExceededError {
  return errorFrom(subWalletCapExceeded, { ...params, cap: capNames[cap] }, { details }) as LimitExceededError
}
