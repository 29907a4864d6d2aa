import { personalDataMasker } from './personalDataMasker.js'

const MAX_DEPTH = 20

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)

function maskValue(value: unknown, mask: ((text: string) => string) | undefined, depth: number): unknown {
  if (mask && (typeof value === 'string' || typeof value === 'number')) return mask(String(value))
  if (depth >= MAX_DEPTH) return value
  if (Array.isArray(value)) return value.map((item) => maskValue(item, mask, depth + 1))
  if (isPlainObject(value)) return maskEntries(value, depth + 1)
  return value
}

function maskEntries(record: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record))
    out[key] = maskValue(value, personalDataMasker(key), depth)
  return out
}

/**
 * A copy of an error's `details` with personal identifiers masked wherever their key names them
 * (`walletId`, `payerWalletId`, `mobile`, `idNumber`, `bankCard`, … at any depth, also in arrays).
 * Everything else — amounts, caps, order numbers, idempotency keys — is kept exactly, so `details`
 * stays usable for deciding what to do.
 *
 * @example
 * maskDetails({ cap: 'daily', walletId: '0022501234565081' })
 * // { cap: 'daily', walletId: '002250******5081' }
 */
export function maskDetails(details: Record<string, unknown>): Record<string, unknown> {
  return maskEntries(details, 0)
}
