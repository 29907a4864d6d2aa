import { importJWK, type JSONWebKeySet, type JWK } from 'jose'
import { SignatureError } from '../errors/EcnyError.js'
import { allowedAlgorithms } from './allowedAlgorithms.js'
import { fetchHttp } from './http/fetchHttp.js'
import { maxJwksBytes } from './http/responseTooLarge.js'
import { parseJwks } from './parseJwks.js'

/** Resolves the gateway's public key for a `kid`. */
export type GatewayKeySet = (kid: string | undefined, alg: string) => Promise<CryptoKey>

export type CreateGatewayKeySetParameters = {
  /** The gateway's public keys, or where to fetch them (`…/.well-known/jwks.json`). */
  keys: JSONWebKeySet | string
  /** Fetches a JWKS URL; the transport passes one that goes through its own HTTP stack. */
  fetchJwks?: (url: string) => Promise<JSONWebKeySet>
  /** The same unknown `kid` triggers a refetch at most this often. Default 30 s. */
  refreshCooldownMs?: number
  /** At most this many refetches per minute, whatever the `kid`s. Default 10. */
  maxRefreshesPerMinute?: number
  /** After a failed or malformed fetch, no new fetch before this many ms. Default 5 s. */
  retryAfterFailureMs?: number
  now?: () => number
}

async function defaultFetchJwks(url: string): Promise<JSONWebKeySet> {
  const response = await fetchHttp().send({
    method: 'GET',
    url,
    headers: { accept: 'application/json' },
    maxResponseBytes: maxJwksBytes,
  })
  if (response.status !== 200) throw new Error(`JWKS fetch failed with HTTP ${response.status}`)
  return JSON.parse(new TextDecoder().decode(response.body)) as JSONWebKeySet
}

function signatureError(message: string, hint: string): SignatureError {
  return new SignatureError('signature_invalid', message, { hint })
}

/**
 * Gateway keys by `kid`: a fixed JWKS, or a URL fetched once, cached, and fetched again when a
 * response names a `kid` it has not seen (key rotation) — once per `kid` per cooldown and at most
 * `maxRefreshesPerMinute` in all, so forged `kid`s cannot make the SDK hammer the gateway.
 * A fetched answer is adopted only if it is a valid JWKS (`parseJwks`); otherwise the last good set
 * stays in use and the URL is fetched again after `retryAfterFailureMs` at the earliest.
 */
export function createGatewayKeySet(parameters: CreateGatewayKeySetParameters): GatewayKeySet {
  const { keys } = parameters
  const cooldown = parameters.refreshCooldownMs ?? 30_000
  const now = parameters.now ?? Date.now
  const fetchJwks = parameters.fetchJwks ?? defaultFetchJwks
  let jwks: JWK[] | undefined = typeof keys === 'string' ? undefined : parseJwks(keys)
  const maxPerMinute = parameters.maxRefreshesPerMinute ?? 10
  const lastFetchFor = new Map<string, number>()
  let recentFetches: number[] = []
  const retryAfterFailure = parameters.retryAfterFailureMs ?? 5_000
  let lastFailureAt = Number.NEGATIVE_INFINITY
  let inflight: Promise<void> | undefined
  const imported = new Map<string, Promise<CryptoKey>>()

  async function refresh(kid: string): Promise<void> {
    if (typeof keys !== 'string') return
    if (inflight) return inflight
    const at = now()
    recentFetches = recentFetches.filter((time) => at - time < 60_000)
    const failedRecently = at - lastFailureAt < retryAfterFailure
    if (
      failedRecently ||
      recentFetches.length >= maxPerMinute ||
      (jwks && at - (lastFetchFor.get(kid) ?? Number.NEGATIVE_INFINITY) < cooldown)
    )
      return
    lastFetchFor.set(kid, at)
    recentFetches.push(at)
    inflight = fetchJwks(keys)
      .catch((cause) => {
        lastFailureAt = at
        throw new SignatureError('signature_invalid', 'Could not fetch the gateway keys.', {
          hint: `Check that ${keys} is reachable, or pass gatewayKeys as a JWKS object.`,
          cause,
          retryable: true,
        })
      })
      .then((answer) => {
        const fetched = parseJwks(answer)
        if (!fetched) {
          lastFailureAt = at
          throw new SignatureError('signature_invalid', 'The gateway keys answer is not a valid JWKS.', {
            hint: `${keys} must answer {"keys":[…]} with public JWKs that have a kid; the last good keys stay in use.`,
            retryable: true,
          })
        }
        jwks = fetched
        imported.clear()
      })
      .finally(() => {
        inflight = undefined
      })
    return inflight
  }

  return async (kid, alg) => {
    if (!(allowedAlgorithms as readonly string[]).includes(alg))
      throw signatureError(
        `The gateway signature uses algorithm "${alg}", which is not allowed.`,
        `Only ${allowedAlgorithms.join(' and ')} are accepted; this response was not trusted.`,
      )
    if (!kid)
      throw signatureError('The gateway signature names no key (kid).', 'The response was not trusted.')
    const find = () => jwks?.find((key) => key.kid === kid)
    if (!find()) await refresh(kid)
    const jwk = find()
    if (!jwk)
      throw signatureError(
        `The gateway signature names an unknown key "${kid}".`,
        'If the gateway rotated its keys, check gatewayKeys; otherwise this response is not from the gateway.',
      )
    if (jwk.alg && jwk.alg !== alg)
      throw signatureError(`Key "${kid}" is for ${jwk.alg}, not ${alg}.`, 'The response was not trusted.')
    // Keyed by alg too: a key without `alg` imported under the wrong one must not poison the cache.
    const cacheKey = `${alg} ${kid}`
    let key = imported.get(cacheKey)
    if (!key) {
      key = importJWK(jwk, alg) as Promise<CryptoKey>
      imported.set(cacheKey, key)
    }
    return key
  }
}
