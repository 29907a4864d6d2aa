import type * as z from 'zod/mini'
import type { Engine } from '../engine/createEngine.js'
import type { AppRecord } from './auth/appRegistry.js'
import type { ClientTokenStore, TokenScope } from './auth/clientTokens.js'

/** Who is calling: an app with server credentials, or a browser with a scoped client token. */
export type Caller = { kind: 'app'; app: AppRecord } | { kind: 'token'; appId: string; scope: TokenScope }

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
 */
export type RouteDefinition = {
  method: 'GET' | 'POST' | 'DELETE'
  path: string
  summary: string
  request?: z.ZodMiniType
  response?: z.ZodMiniType
  tokenAccess?: (scope: TokenScope, input: RouteInput) => boolean
  handle(input: RouteInput): unknown
}
