import {
  createBaseClient,
  type EcnyBaseClient,
  EcnyError,
  type LocaleConfig,
  type PermissionError,
} from '@ecny/sdk-core'
import { emptyClientToken, errorFrom, noClientToken, tokenLooksLikeKey } from '@ecny/sdk-core/internal'

/** What a token function may return: the token, or the whole `createClientToken` result. */
export type ClientTokenResult = string | { token: string; expiresAt?: string | undefined }

/**
 * A client token minted by your backend (`createClientToken`, scoped to one wallet or order), or a
 * function that fetches one from your token endpoint. A function is called once and its token
 * reused until `expiresAt` is near (when it returns `{ token, expiresAt }`) or the gateway refuses
 * it; then it is called again.
 */
export type ClientTokenProp = string | (() => ClientTokenResult | Promise<ClientTokenResult>)

/** Refresh a token this long before the `expiresAt` its endpoint reported. */
const refreshMarginMs = 30_000

const tokenRefused = (error: unknown) =>
  error instanceof EcnyError && (error.code === 'token_expired' || error.code === 'authentication_failed')

/** A PEM private key or a private JWK (it has `d`) was handed to a browser-side API. */
export function looksLikePrivateKey(value: unknown): boolean {
  if (typeof value === 'object' && value !== null) return 'd' in value || 'privateKey' in value
  return typeof value === 'string' && (/PRIVATE KEY-----/.test(value) || /"d"\s*:/.test(value))
}

export function insecureTokenError(what: string): PermissionError {
  return errorFrom(tokenLooksLikeKey, { what }) as PermissionError
}

/**
 * A base client authenticated by client tokens only. Tokens from a function are cached, shared by
 * concurrent requests, and fetched again once when the gateway answers `token_expired`.
 */
export function createTokenClient(
  baseUrl: string,
  source: () => ClientTokenProp | undefined,
  localeConfig: LocaleConfig = {},
): EcnyBaseClient {
  let cached: { token: string; refreshAt: number } | undefined
  let pending: Promise<string> | undefined
  const fetchToken = async (): Promise<string> => {
    const current = source()
    if (current === undefined) throw errorFrom(noClientToken, {})
    if (typeof current === 'string') return checked(current)
    if (cached && Date.now() < cached.refreshAt) return cached.token
    pending ??= Promise.resolve()
      .then(current)
      .then((result) => {
        const token = checked(typeof result === 'string' ? result : result.token)
        const expiresAt = typeof result === 'string' ? Number.NaN : Date.parse(result.expiresAt ?? '')
        cached = {
          token,
          refreshAt: Number.isFinite(expiresAt) ? expiresAt - refreshMarginMs : Number.POSITIVE_INFINITY,
        }
        return token
      })
      .finally(() => {
        pending = undefined
      })
    return pending
  }
  const base = createBaseClient({ baseUrl, clientToken: fetchToken, ...localeConfig })
  return {
    ...base,
    async request(parameters) {
      try {
        return await base.request(parameters)
      } catch (error) {
        // Refused at the door, so nothing happened: safe to send again once with a fresh token.
        if (!tokenRefused(error) || typeof source() !== 'function' || cached === undefined) throw error
        cached = undefined
        return base.request(parameters)
      }
    },
  }
}

function checked(token: string): string {
  if (typeof token !== 'string' || token.length === 0) throw errorFrom(emptyClientToken, {})
  if (looksLikePrivateKey(token)) throw insecureTokenError('The client token')
  return token
}
