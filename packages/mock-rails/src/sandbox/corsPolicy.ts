import { headers } from '@ecny/protocol'

/** Request headers as Node gives them (lower-case names). */
type IncomingHeaders = Record<string, string | string[] | undefined>

/** What a browser page may read of an answer: the SDK verifies `ecny-signature` and reports the request id. */
const exposedHeaders = [
  headers.signature,
  headers.requestId,
  headers.retryAfter,
  'idempotent-replayed',
  'content-type',
].join(', ')

/** Every method of the protocol's operations. */
const allowedMethods = 'GET, POST, PATCH, DELETE'

/** Seconds a browser may cache a preflight answer. */
const preflightMaxAgeSeconds = 600

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/**
 * CORS for the browser origins the sandbox is told about (`--cors http://localhost:5173`): a
 * preflight from one of them is answered 204 with the methods and headers the SDK uses; an answer to
 * one of them names that origin and exposes the signature and request-id headers. Any other origin
 * gets no CORS headers at all (the browser then refuses to let the page read the answer).
 *
 * @example
 * const cors = createCorsPolicy(['http://localhost:5173'])
 * cors.responseHeaders('http://localhost:5173') // { 'access-control-allow-origin': 'http://localhost:5173', … }
 */
export function createCorsPolicy(origins: readonly string[]) {
  const allowed = new Set(origins.map(checkedOrigin))
  const listed = (origin: string | undefined): origin is string => origin !== undefined && allowed.has(origin)
  return {
    /** The headers of a 204 answer to a preflight from a listed origin; `null` when it is not one. */
    preflight(request: IncomingHeaders): Record<string, string> | null {
      const origin = single(request.origin)
      if (!listed(origin) || single(request['access-control-request-method']) === undefined) return null
      const asked = single(request['access-control-request-headers'])
      return {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': allowedMethods,
        ...(asked && { 'access-control-allow-headers': asked }),
        'access-control-max-age': String(preflightMaxAgeSeconds),
        vary: 'Origin',
      }
    },
    /** Headers to add to an answer to `origin`: none unless it is listed. */
    responseHeaders(origin: string | undefined): Record<string, string> {
      if (!listed(origin)) return {}
      return {
        'access-control-allow-origin': origin,
        'access-control-expose-headers': exposedHeaders,
        vary: 'Origin',
      }
    },
  }
}

export type CorsPolicy = ReturnType<typeof createCorsPolicy>

/** An origin exactly as a browser sends it: `scheme://host[:port]`, nothing after. */
function checkedOrigin(origin: string): string {
  let parsed: URL | undefined
  try {
    parsed = new URL(origin)
  } catch {
    parsed = undefined
  }
  if (!parsed || parsed.origin !== origin) {
    throw new TypeError(
      `CORS origin "${origin}" is not an origin: give scheme://host[:port] with no path or trailing slash, e.g. http://localhost:5173.`,
    )
  }
  return origin
}
