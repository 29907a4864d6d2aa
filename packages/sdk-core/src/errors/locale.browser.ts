import type { LocaleSources } from './locale.js'
import { type Locale, localeFromTag } from './localeFromTag.js'

export type { Locale } from './localeFromTag.js'

/** The browser build's detection: the page's language (`navigator.language`, else `Intl`); zh* is zh-CN. */
export function detectLocale(sources?: LocaleSources): Locale {
  const language = sources ? sources.navigatorLanguage : globalThis.navigator?.language
  return localeFromTag(language ?? sources?.intlLocale) ?? 'en'
}
