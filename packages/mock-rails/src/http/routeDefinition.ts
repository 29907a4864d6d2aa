import type { Operation } from '@ecny/protocol'
import type { RailsContext } from '../railsContext.js'
import type { AppRecord } from './auth/appRegistry.js'
import type { ClientTokenStore, TokenScope } from './auth/clientTokens.js'

/** Who is calling: an app with server credentials, or a browser with a scoped client token. */
export type Caller =
  | { kind: 'app'; app: AppRecord }
  | { kind: 'token'; appId: string; scope: TokenScope; token: string }

/** What a route handles: the request's parts, who calls, and the composed rails ({@link RailsContext}). */
export type RouteInput = RailsContext & {
  params: Record<string, string>
  query: URLSearchParams
  /** Parsed JSON body (`{}` when the body was empty). Validated by the engine operation. */
  body: unknown
  caller: Caller
  tokens: ClientTokenStore
  /** Rails clock, epoch ms. */
  now: number
}

/**
 * The rails' handler of one entry of the protocol's operation table (`{ ...operations.getOrder, handle }`):
 * method, path, schemas and token scopes come from the table; the route adds `tokenAccess` — whether
 * a client token of an allowed scope may call it with these inputs (its order, its wallet) — and
 * `handle`, which returns the JSON body or a {@link rawResponse} (a CSV statement). Either way the
 * door signs the bytes.
 *
 * Only keyed operations (POST) honour `Idempotency-Key`. PATCH merges the fields sent into the
 * resource, so sending the same PATCH again leaves the same resource: the door ignores a key there.
 */
export type RouteDefinition = Operation & {
  tokenAccess?: (scope: TokenScope, input: RouteInput) => boolean
  /**
   * The route uses up a single-use token scope (`wallet_opening`): the door claims the token before
   * any await, so overlapping requests cannot both pass, and releases it if the call fails.
   */
  claimsToken?: boolean
  handle(input: RouteInput): unknown
}

const raw = Symbol('rawResponse')

/** A route's answer sent as it is (not as JSON), with its content type and extra headers. */
export type RawResponse = {
  readonly [raw]: true
  contentType: string
  body: string
  headers: Record<string, string>
}

/**
 * Marks a handler's result as a raw body: the door sends `body` with `contentType` (plus `headers`),
 * signed and bound to the request like any response.
 *
 * @example
 * handle: () => rawResponse({ contentType: 'text/csv; charset=utf-8', body: 'a,b\n1,2\n' })
 */
export function rawResponse(init: {
  contentType: string
  body: string
  headers?: Record<string, string>
}): RawResponse {
  return { [raw]: true, contentType: init.contentType, body: init.body, headers: { ...init.headers } }
}

export function isRawResponse(value: unknown): value is RawResponse {
  return typeof value === 'object' && value !== null && raw in value
}
