import { formatYuan, type Locale } from '@ecny/sdk-core'

/**
 * An amount in fen the way a sentence or a screen reader says it: `¥12.50` in English, `12.50 元`
 * in Chinese (read as 十二点五零元; the ¥ sign is kept for compact places such as error messages).
 * Docs: https://ecny-sdk.dev/docs/react#language
 *
 * @example
 * formatAmount(1_250, 'zh-CN') // '12.50 元'
 * formatAmount(1_250, 'en') // '¥12.50'
 */
export function formatAmount(fen: number, locale: Locale): string {
  return locale === 'zh-CN'
    ? `${formatYuan(fen, { grouping: true })} 元`
    : formatYuan(fen, { symbol: true, grouping: true })
}
