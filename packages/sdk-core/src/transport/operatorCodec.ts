import type { EcnyError } from '../errors/EcnyError.js'

/** A reference-protocol call as the actions make it (path filled in, query and body as objects). */
export type OperatorCall = {
  method: string
  path: string
  query?: Record<string, string | number | boolean | null | undefined> | undefined
  body?: unknown
}

/** One HTTP request in an operator's own wire format. */
export type OperatorHttpRequest = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  url: string
  headers: Record<string, string>
  body?: string | undefined
}

/**
 * An operator's answer decoded: the reference-protocol value, or an error. `maybeCommitted`: the
 * operator may have acted although it reported a failure (the transport then ends a POST in
 * `result_unknown` rather than a definite failure).
 */
export type OperatorDecoded =
  | { ok: true; data: unknown }
  | { ok: false; error: EcnyError; maybeCommitted: boolean }

/**
 * How the one transport speaks an operator's dialect (e.g. `cmb()` from `@ecny/operator-cmb`):
 * `encode` builds each attempt's request (fresh signature per attempt), `decode` verifies and maps
 * its answer. Retries, timeouts, abort, logging and `result_unknown` stay the transport's.
 */
export type OperatorCodec = {
  operator: string
  encode(call: OperatorCall, now: number): OperatorHttpRequest
  decode(call: OperatorCall, response: { status: number; body: Uint8Array }, now: number): OperatorDecoded
}

/** What `createMerchantClient({ operator })` takes: a named operator with its host and codec. */
export type Operator = { name: string; origin: string; codec: OperatorCodec }
