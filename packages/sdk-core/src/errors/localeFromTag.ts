/** The languages the SDK writes its errors (and sdk-react its labels) in. */
export type Locale = 'zh-CN' | 'en'

/**
 * The SDK locale a language tag or POSIX locale means: any `zh…` is `zh-CN`, any other language is
 * `en`; `undefined` for tags that name no language (`C`, `POSIX`, empty).
 *
 * @example
 * localeFromTag('zh_CN.UTF-8') // 'zh-CN'
 * localeFromTag('en-GB') // 'en'
 */
export function localeFromTag(tag: string | undefined): Locale | undefined {
  const language = tag
    ?.trim()
    .split(/[-_.@]/)[0]
    ?.toLowerCase()
  if (!language || language === 'c' || language === 'posix') return undefined
  return language === 'zh' ? 'zh-CN' : 'en'
}
