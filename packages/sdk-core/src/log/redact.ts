import { maskText } from './mask.js'
import { normaliseKey, personalDataMasker } from './personalDataMasker.js'
import { redactCompactJws } from './redactCompactJws.js'

const REDACTED = '[REDACTED]'
const MAX_DEPTH = 20

/** Key names (lowercased, without `-`, `_` and spaces) whose values are secrets. */
const SECRET_KEY =
  /privatekey|secret|token|password|passwd|passphrase|authorization|signature|cookie|apikey|^sign$/
/** Private members of a JWK (RFC 7517/7518): EC/OKP `d`, RSA `p q dp dq qi oth`, symmetric `k`. */
const JWK_PRIVATE = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'])

const PEM_PRIVATE = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g
const BEARER = /\b(bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi
const KEY_VALUE = /(^|[?&;,\s])([A-Za-z0-9_.-]+)=([^&;,\s#]*)/g

const isSecretKey = (key: string) => SECRET_KEY.test(normaliseKey(key))

/**
 * Redacts secrets inside one string (PEM private keys, compact JWS/JWT, bearer tokens, secret-named
 * `name=value` pairs) and masks personal identifiers (`maskText`).
 */
function redactString(text: string): string {
  const withoutSecrets = redactCompactJws(text.replace(PEM_PRIVATE, REDACTED), REDACTED)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(KEY_VALUE, (pair, before: string, name: string) =>
      isSecretKey(name) ? `${before}${name}=${REDACTED}` : pair,
    )
  return maskText(withoutSecrets)
}

/** A Node `KeyObject` or WebCrypto `CryptoKey` holding private or secret material (duck-typed). */
function isSecretKeyObject(value: object): boolean {
  const key = value as { type?: unknown; export?: unknown; usages?: unknown }
  return (
    (key.type === 'private' || key.type === 'secret') &&
    (typeof key.export === 'function' || Array.isArray(key.usages))
  )
}

function copy(value: unknown, ancestors: object[]): unknown {
  if (typeof value === 'string') return redactString(value)
  if (typeof value === 'bigint' || typeof value === 'symbol') return String(value)
  if (typeof value === 'function') return `[Function${value.name ? ` ${value.name}` : ''}]`
  if (value === null || typeof value !== 'object') return value
  if (ancestors.includes(value)) return '[Circular]'
  if (ancestors.length >= MAX_DEPTH) return '[Truncated]'
  if (isSecretKeyObject(value)) return REDACTED
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()
  if (value instanceof URL) return redactString(value.href)
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[binary ${value.byteLength} bytes]`

  const inner = [...ancestors, value]
  if (Array.isArray(value)) return value.map((item) => copy(item, inner))
  if (value instanceof Set) return [...value].map((item) => copy(item, inner))
  if (value instanceof Map || (typeof Headers !== 'undefined' && value instanceof Headers)) {
    return copyEntries([...(value as Map<unknown, unknown>).entries()], value, inner)
  }
  const entries: [string, unknown][] = []
  if (value instanceof Error) {
    entries.push(['name', value.name], ['message', value.message], ['stack', value.stack])
    if (value.cause !== undefined) entries.push(['cause', value.cause])
  }
  for (const key of Object.keys(value)) {
    try {
      entries.push([key, (value as Record<string, unknown>)[key]])
    } catch {
      entries.push([key, '[Unreadable]'])
    }
  }
  return copyEntries(entries, value, inner)
}

function copyEntries(entries: [unknown, unknown][], owner: object, inner: object[]): Record<string, unknown> {
  const looksLikeJwk = typeof (owner as { kty?: unknown }).kty === 'string'
  const out: Record<string, unknown> = {}
  for (const [rawKey, item] of entries) {
    const key = String(rawKey)
    const masker = personalDataMasker(key)
    if (item === undefined || item === null) out[key] = item
    else if (isSecretKey(key) || (looksLikeJwk && JWK_PRIVATE.has(key))) out[key] = REDACTED
    else if (masker && (typeof item === 'string' || typeof item === 'number')) out[key] = masker(String(item))
    else if (masker && Array.isArray(item)) {
      out[key] = item.map((element) =>
        typeof element === 'string' || typeof element === 'number'
          ? masker(String(element))
          : copy(element, inner),
      )
    } else out[key] = copy(item, inner)
  }
  return out
}

/**
 * A JSON-safe deep copy of any value, fit for logs: secrets are replaced with `'[REDACTED]'` and
 * personal identifiers are masked.
 *
 * - Redacted: values under keys naming a private key, secret, token, password, authorization,
 *   signature, cookie or API key (`privateKey`, `clientToken`, `Ecny-Signature`, `Authorization`, …);
 *   the private members of a JWK (`d p q dp dq qi oth k` in an object with `kty`); Node `KeyObject`s
 *   and WebCrypto `CryptoKey`s that are private or secret; and, inside any string, PEM private key
 *   blocks, compact JWS/JWT, `Bearer` tokens and secret-named `name=value` pairs.
 * - Masked: `mobile`/`phone`, `idNumber`, `walletId` (any key ending in `WalletId`), `bankCard`/
 *   `cardNumber` values; every other string goes through `maskText`.
 * - Cycles become `'[Circular]'`, nesting beyond 20 levels `'[Truncated]'`; errors keep `name`,
 *   `message`, `stack`, `cause` and their own fields; dates become ISO strings, `Map`/`Headers`
 *   plain objects, `Set`s arrays, binary data `'[binary N bytes]'`, bigints strings. Never throws.
 *
 * @example
 * redact({ privateKey: jwk, headers: { Authorization: 'Bearer abc.def' }, payer: { mobile: '13812341234' } })
 * // { privateKey: '[REDACTED]', headers: { Authorization: '[REDACTED]' }, payer: { mobile: '138****1234' } }
 */
export function redact(value: unknown): unknown {
  try {
    return copy(value, [])
  } catch {
    return '[Unredactable]'
  }
}
