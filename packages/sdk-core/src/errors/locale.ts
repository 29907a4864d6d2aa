import { type Locale, localeFromTag } from './localeFromTag.js'

export type { Locale } from './localeFromTag.js'

/** Where a default locale can come from; `detectLocale()` reads the real ones. */
export type LocaleSources = {
  /** `LC_ALL`, `LC_MESSAGES`, `LANG` (Node). */
  env?: Partial<Record<'LC_ALL' | 'LC_MESSAGES' | 'LANG', string | undefined>> | undefined
  /** `navigator.language` (browsers, Deno, Node ≥ 21). */
  navigatorLanguage?: string | undefined
  /** `Intl.DateTimeFormat().resolvedOptions().locale`. */
  intlLocale?: string | undefined
}

function environmentSources(): LocaleSources {
  const env = (globalThis as { process?: { env?: LocaleSources['env'] } }).process?.env
  const navigatorLanguage = (globalThis as { navigator?: { language?: string } }).navigator?.language
  let intlLocale: string | undefined
  try {
    intlLocale = Intl.DateTimeFormat().resolvedOptions().locale
  } catch {
    intlLocale = undefined
  }
  return {
    env: env && { LC_ALL: env.LC_ALL, LC_MESSAGES: env.LC_MESSAGES, LANG: env.LANG },
    navigatorLanguage,
    intlLocale,
  }
}

/**
 * The locale of the environment: `LC_ALL`, `LC_MESSAGES`, `LANG`, then `navigator.language`, then
 * `Intl`; `en` when none names a language. What clients use when you pass no `locale`.
 *
 * @example
 * createClient({ baseUrl, clientToken, locale: detectLocale() }) // the same as leaving locale out
 */
export function detectLocale(sources: LocaleSources = environmentSources()): Locale {
  const { env } = sources
  return (
    localeFromTag(env?.LC_ALL) ??
    localeFromTag(env?.LC_MESSAGES) ??
    localeFromTag(env?.LANG) ??
    localeFromTag(sources.navigatorLanguage) ??
    localeFromTag(sources.intlLocale) ??
    'en'
  )
}
