/**
 * Shared shapes of the query layer: plain data and plain functions, so TanStack Query (or any cache)
 * can use them without `@ecny/sdk-core` depending on it.
 */

/** Names the cache a query lives in, beyond the gateway URL: e.g. the signed-in user's id. */
export type ScopeKeyParameter = {
  /**
   * Keeps caches apart when one page may hold tokens for different people (a log-out and log-in,
   * an operator switching customers): queries with different `scopeKey`s never share data.
   */
  scopeKey?: string | undefined
}

/** What a query function receives from the cache; `signal` fires when the query is cancelled. */
export type QueryFunctionContext = { signal?: AbortSignal | undefined }

/** The last state a cache holds for a query, as far as polling decisions need it. */
export type QueryStateLike<T> = { state: { data?: T | undefined; error?: unknown } }

/**
 * `['ecny', action, { baseUrl, ...parameters }]`, with `undefined` fields left out so the key is
 * plain JSON (amounts stay integer fen).
 */
export function ecnyQueryKey<const Name extends string, P extends Record<string, unknown>>(
  name: Name,
  parameters: P & { baseUrl: string } & ScopeKeyParameter,
) {
  const fields: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(parameters)) if (value !== undefined) fields[key] = value
  return ['ecny', name, fields as P & { baseUrl: string; scopeKey?: string }] as const
}

/** True when the query's last attempt failed with an error that repeating will not fix. */
export function failedPermanently(error: unknown): boolean {
  if (error === null || error === undefined) return false
  return !(typeof error === 'object' && 'retryable' in error && error.retryable === true)
}
