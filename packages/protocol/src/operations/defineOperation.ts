import type * as z from 'zod/mini'
import type { TokenScopeType } from '../requests/clientTokens.js'

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE'

/**
 * One operation of the protocol: what the SDK calls and the gateway answers.
 *
 * - `path` is a template (`/v1/orders/{id}`); `request`, `query` and `response` are the zod schemas
 *   the gateway validates with, the SDK parses with, and the OpenAPI document is generated from.
 * - `keyed`: a POST honours `Idempotency-Key` (a retry with the same key replays the first answer);
 *   the SDK sends one key per logical call. GET, PATCH (merges fields) and DELETE (revokes) are
 *   idempotent by themselves. Every operation may therefore be retried safely.
 * - `tokenScopes`: the client-token scopes that may call it at all (empty: server credentials only).
 *   The gateway further checks that the inputs belong to the token (its order, its wallet).
 * - `rawContentType`: the answer is not JSON (a CSV statement), but is signed the same way.
 */
export type Operation = {
  readonly name: string
  readonly method: HttpMethod
  readonly path: string
  readonly summary: string
  readonly request?: z.ZodMiniType
  readonly query?: z.ZodMiniType
  readonly response?: z.ZodMiniType
  readonly rawContentType?: string
  readonly keyed: boolean
  readonly tokenScopes: readonly TokenScopeType[]
  /** Named components for the OpenAPI document (`#/components/schemas/<name>`). */
  readonly requestName?: string
  readonly responseName?: string
  /** A test-mode control (`/v1/test/…`): served only by a sandbox in test mode. */
  readonly testMode?: boolean
}

type OperationInit = Omit<Operation, 'keyed' | 'tokenScopes'> & {
  tokenScopes?: readonly TokenScopeType[]
}

/**
 * Declares an operation; `keyed` follows from the method (POST).
 *
 * @example
 * export const getOrder = defineOperation({
 *   name: 'getOrder', method: 'GET', path: '/v1/orders/{id}', summary: 'Get an order',
 *   response: order, responseName: 'Order', tokenScopes: ['order', 'wallet'],
 * })
 */
export function defineOperation<const T extends OperationInit>(
  init: T,
): T & { keyed: boolean; tokenScopes: readonly TokenScopeType[] } {
  return { ...init, keyed: init.method === 'POST', tokenScopes: init.tokenScopes ?? [] }
}

/** The `{name}` placeholders of a path template, in order. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!)
}
