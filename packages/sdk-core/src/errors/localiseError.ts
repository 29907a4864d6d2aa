import { composeErrorMessage, EcnyError, type ErrorLabels } from './EcnyError.js'
import { docsUrlFor } from './errorCodes.js'
import { fillPlaceholders, type MessageTexts } from './errorMessage.js'
import { englishOf, type TextSource, textOf } from './errorText.js'
import type { Locale } from './locale.js'

/** A locale's catalogue: texts by message id (`code` or `code/situation`) and `label/…`. */
export type MessageCatalogue = Readonly<Record<string, MessageTexts>>

export type LocaliseErrorOptions = {
  locale: Locale
  /** Default `https://ecny-sdk.dev/docs/`. */
  docsBaseUrl?: string | undefined
  /** The catalogue of `locale`; needed for zh-CN (`loadCatalogue('zh-CN')`), unused for en. */
  catalogue?: MessageCatalogue | undefined
}

function render(
  source: TextSource,
  part: 'message' | 'hint',
  code: string,
  { locale, catalogue }: LocaliseErrorOptions,
): string | undefined {
  if (locale === 'en' || !catalogue) return englishOf(source)
  if (source.kind === 'catalogue') {
    const template = catalogue[source.id]?.[part]
    return template === undefined ? englishOf(source) : fillPlaceholders(template, source.params, locale)
  }
  // Written in English at its source (or by the gateway): the code's own text, the original kept.
  const generic = catalogue[code]?.[part]
  if (generic === undefined || source.text === undefined) return generic ?? source.text
  const withOriginal = catalogue['label/original']?.message ?? '{text} ({original})'
  return fillPlaceholders(withOriginal, { text: generic, original: source.text })
}

function labelsOf(catalogue: MessageCatalogue): ErrorLabels {
  const label = (id: string, name: string, fallback: string) => (value: string) =>
    fillPlaceholders(catalogue[id]?.message ?? fallback, { [name]: value })
  return {
    requestId: label('label/requestId', 'requestId', 'Request id: {requestId}'),
    docs: label('label/docs', 'docsUrl', 'Docs: {docsUrl}'),
  }
}

/**
 * Rewrites an `EcnyError`'s message, hint and docs link in `locale` (in place: same object, class,
 * code, details and cause). Clients do this to every error they throw; call it yourself for errors
 * from standalone helpers such as `parseYuan`. Anything that is not an `EcnyError` is left alone.
 *
 * @example
 * const catalogue = await loadCatalogue('zh-CN')
 * try { parseYuan(text) } catch (error) { throw localiseError(error, { locale: 'zh-CN', catalogue }) }
 */
export function localiseError<E>(error: E, options: LocaliseErrorOptions): E {
  if (!(error instanceof EcnyError)) return error
  const text = textOf(error)
  const shortMessage = render(text.message, 'message', error.code, options) ?? error.shortMessage
  const hint = render(text.hint, 'hint', error.code, options)
  const speaksLocale = options.locale !== 'en' && options.catalogue !== undefined
  const docsUrl = docsUrlFor(error.code, {
    locale: speaksLocale ? options.locale : 'en',
    docsBaseUrl: options.docsBaseUrl,
  })
  const message = composeErrorMessage(
    { shortMessage, hint, requestId: error.requestId, docsUrl },
    speaksLocale ? labelsOf(options.catalogue!) : undefined,
  )
  const header = `${error.name}: ${error.message}`
  const { stack } = error
  Object.assign(error as { -readonly [K in keyof EcnyError]: EcnyError[K] }, {
    shortMessage,
    hint,
    docsUrl,
    message,
  })
  if (typeof stack === 'string' && stack.startsWith(header))
    error.stack = `${error.name}: ${message}${stack.slice(header.length)}`
  return error
}

let zhCN: Promise<MessageCatalogue | undefined> | undefined

/**
 * The catalogue for a locale: `undefined` for `en` (the SDK writes English where it throws); zh-CN
 * is a separate module, fetched on first use, so bundles of English-only apps do not carry it.
 *
 * @example
 * const catalogue = await loadCatalogue('zh-CN')
 */
export function loadCatalogue(locale: Locale): Promise<MessageCatalogue | undefined> {
  if (locale === 'en') return Promise.resolve(undefined)
  zhCN ??= import('./messagesZhCN.js').then(
    (module) => module.messagesZhCN,
    () => {
      zhCN = undefined // a failed chunk load is tried again next time; meanwhile errors stay in English
      return undefined
    },
  )
  return zhCN
}

/** What a client localises its errors with; `complete` once the locale's catalogue is in. */
export type ErrorLocalising = { complete: boolean; localise<E>(error: E): E }

/** Loads what `locale` needs and returns a client's localiser. */
export async function errorLocalising(
  locale: Locale,
  docsBaseUrl: string | undefined,
): Promise<ErrorLocalising> {
  const catalogue = await loadCatalogue(locale)
  return {
    complete: locale === 'en' || catalogue !== undefined,
    localise: (error) => localiseError(error, { locale, docsBaseUrl, catalogue }),
  }
}
