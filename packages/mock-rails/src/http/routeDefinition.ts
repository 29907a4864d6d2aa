import type * as z from 'zod/mini'
import type { Engine } from '../engine/createEngine.js'
import type { AppRecord } from './auth/appRegistry.js'
import type { ClientTokenStore, TokenScope } from './auth/clientTokens.js'

/** Who is calling: an app with server credentials, or a browser with a scoped client token. */
export type Caller =
  | { kind: 'app'; app: AppRecord }
  | { kind: 'token'; appId: string; scope: TokenScope; token: string }

export type RouteInput = {
  params: Record<string, string>
  query: URLSearchParams
  /** Parsed JSON body (`{}` when the body was empty). Validated by the engine operation. */
  body: unknown
  caller: Caller
  engine: Engine
  tokens: ClientTokenStore
  /** Rails clock, epoch ms. */
  now: number
}

/**
 * One endpoint. `path` is a template (`/v1/orders/{id}`); `request` and `response` are the zod schemas
 * the OpenAPI document is built from. `tokenAccess` says whether a client token may call it with
 * these inputs; without it the route needs server credentials.
 *
 * `handle` returns the JSON body, or a {@link rawResponse} for anything else (a CSV statement); then
 * `rawContentType` names its type for the OpenAPI document. Either way the door signs the bytes.
 *
 * Only POST honours `Idempotency-Key`. PATCH merges the fields sent into the resource, so sending
 * the same PATCH again leaves the same resource: it needs no key and the door ignores one.
 */
export type RouteDefinition = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  summary: string
  request?: z.ZodMiniType
  response?: z.ZodMiniType
  rawContentType?: string
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
