import type { JWK } from 'jose'

/**
 * The usable keys of a fetched JWKS, or `undefined` when the answer is not a JWKS: it must be an
 * object whose `keys` is an array of objects, each with a string `kty`, and at least one with a
 * string `kid`. A key set only ever adopts an answer this accepts, so one malformed answer cannot
 * replace good keys.
 *
 * @example
 * parseJwks({ keys: [{ kty: 'EC', kid: 'gw-1', crv: 'P-256', x, y }] }) // [{ kty: 'EC', kid: 'gw-1', … }]
 * parseJwks({ keys: [null] }) // undefined
 */
export function parseJwks(answer: unknown): JWK[] | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined
  const keys = (answer as { keys?: unknown }).keys
  if (!Array.isArray(keys)) return undefined
  const isKey = (key: unknown): key is JWK =>
    typeof key === 'object' && key !== null && !Array.isArray(key) && typeof (key as JWK).kty === 'string'
  if (!keys.every(isKey)) return undefined
  const usable = keys.filter((key) => typeof key.kid === 'string' && key.kid !== '')
  return usable.length > 0 ? usable : undefined
}
