import { detectLocale, type Locale } from './locale.js'
import { type ErrorLocalising, errorLocalising } from './localiseError.js'

/** The `locale` and `docsBaseUrl` options of every client. */
export type LocaleConfig = {
  /**
   * The language of error messages and hints (and of sdk-react's labels): `zh-CN` or `en`. Default:
   * the environment's (`LC_ALL` / `LC_MESSAGES` / `LANG`, `navigator.language`, `Intl`): zh* is
   * zh-CN, anything else en. Codes never change with the locale.
   */
  locale?: Locale | undefined
  /**
   * Where `error.docsUrl` points: `${docsBaseUrl}errors#code` (en) or `${docsBaseUrl}zh/errors#code`
   * (zh-CN). Default `https://ecny-sdk.dev/docs/`; set it to your own copy of the docs site.
   */
  docsBaseUrl?: string | undefined
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype

/** `client.wallets`, `client.wallets.subWallets`: plain objects of methods (not stores or data). */
const isMethodGroup = (value: unknown): value is Record<string, unknown> =>
  isPlainObject(value) &&
  Object.values(value).every((member) => typeof member === 'function' || isMethodGroup(member))

/**
 * The same client with every method (nested groups included) throwing its errors in the config's
 * locale and linking its `docsBaseUrl`. English with the default docs is how errors are written, so
 * that client is returned as it is. The zh-CN catalogue is loaded on a client's first error, so
 * pages that never fail never fetch it; a synchronous throw before it arrived stays English.
 *
 * @example
 * return localiseMethods({ ...base, ...walletActions(base) }, { locale: 'zh-CN' })
 */
export function localiseMethods<T extends object>(client: T, config: LocaleConfig): T {
  const locale = config.locale ?? detectLocale()
  const { docsBaseUrl } = config
  if (locale === 'en' && docsBaseUrl === undefined) return client
  let ready: ErrorLocalising | undefined
  let loading: Promise<ErrorLocalising> | undefined
  const load = () => {
    loading ??= errorLocalising(locale, docsBaseUrl).then((loaded) => {
      // Without its catalogue (a chunk that failed to load) the next error tries again.
      if (loaded.complete) ready = loaded
      else loading = undefined
      return loaded
    })
    return loading
  }
  const rejected = async (error: unknown): Promise<never> => {
    throw (ready ?? (await load())).localise(error)
  }
  const wrap = (value: unknown): unknown => {
    if (isMethodGroup(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrap(v)]))
    if (typeof value !== 'function') return value
    const method = value as (...args: unknown[]) => unknown
    return function localised(this: unknown, ...args: unknown[]) {
      let result: unknown
      try {
        result = method.apply(this, args)
      } catch (error) {
        void load()
        throw ready ? ready.localise(error) : error
      }
      return result instanceof Promise ? result.catch(rejected) : result
    }
  }
  const wrapped: Record<string, unknown> = {}
  for (const [key, member] of Object.entries(client)) wrapped[key] = wrap(member)
  return wrapped as T
}
