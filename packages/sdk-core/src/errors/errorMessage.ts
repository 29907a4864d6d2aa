import type { EcnyErrorCode } from './errorCodes.js'

/** A message and its hint; either may be missing (a message can lend only its hint to another error). */
export type MessageTexts = { readonly message?: string; readonly hint?: string }

/**
 * One text the SDK writes for an error code, in English; the Chinese text has the same `id` in the
 * zh-CN catalogue and the same `{placeholders}`.
 */
export type ErrorMessage = MessageTexts & {
  /** `code/situation`: the error code it is thrown with, then where. */
  readonly id: `${EcnyErrorCode}/${string}`
}

/** The error code of a catalogue message: its id up to the `/`. */
export function codeOf(message: ErrorMessage): EcnyErrorCode {
  return message.id.split('/')[0] as EcnyErrorCode
}

/** `'a {x} b {y}'` → `'x' | 'y'` (`{ x, y }` with spaces is text, not a placeholder). */
type PlaceholdersOf<S> = S extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `${string} ${string}` | '' ? never : Name) | PlaceholdersOf<Rest>
  : never

/** A placeholder value that is itself words, e.g. the kind of movement: `{ en: 'payment', 'zh-CN': '支付' }`. */
export type LocalisedValue = { readonly en: string; readonly 'zh-CN': string }

export type ParamValue = string | number | LocalisedValue

/** The values a message's `{placeholders}` need, in both its message and its hint. */
export type MessageParams<M extends MessageTexts> = Record<
  PlaceholdersOf<M['message']> | PlaceholdersOf<M['hint']>,
  ParamValue
>

/**
 * Puts the values into a template's `{placeholders}`; a placeholder without a value stays as written.
 *
 * @example
 * fillPlaceholders('Invalid {what}: {field}.', { what: 'order', field: 'amount' }) // 'Invalid order: amount.'
 */
export function fillPlaceholders(
  template: string,
  params: Record<string, ParamValue>,
  locale: 'zh-CN' | 'en' = 'en',
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole
    const value = params[name]!
    return typeof value === 'object' ? value[locale] : String(value)
  })
}
