import { headers, signatureTypes } from '@ecny/protocol'
import { maskText } from '@ecny/sdk-core'
import { bodyDigest, randomId } from '@ecny/sdk-core/internal'
import { type FaultDecision, type FaultInjector, faultRetryAfterSeconds } from '../faults/faultInjector.js'
import type { RailsContext } from '../railsContext.js'
import type { GatewayKeyRing, ResponseBinding } from '../signing/gatewayKeyRing.js'
import type { RailsClock } from '../support/railsClock.js'
import { RailsError } from '../support/railsError.js'
import type { AppRegistry } from './auth/appRegistry.js'
import type { ClientTokenStore } from './auth/clientTokens.js'
import type { createReplayCache } from './auth/replayCache.js'
import { authenticateCaller } from './authenticateCaller.js'
import { authoriseCaller, usedOpeningToken } from './authoriseCaller.js'
import { errorBody } from './errorBody.js'
import { type IdempotencyStore, idempotencyScopeOf, type StoredResponse } from './idempotencyStore.js'
import { type Caller, isRawResponse, type RouteDefinition, type RouteInput } from './routeDefinition.js'
import { createRouter, type RouteMatch } from './router.js'

/** Largest request body accepted: 1 MiB (1,048,576 bytes). Larger → 413 `payload_too_large`. */
export const maxBodyBytes = 1024 * 1024

export type HttpDoorDependencies = {
  /** The composed rails every route receives. */
  context: RailsContext
  clock: RailsClock
  /**
   * The time request signatures are checked against; default `clock`. The sandbox passes the
   * machine's clock, so moving the rails' clock forward (test mode) does not expire every signature.
   */
  signatureClock?: Pick<RailsClock, 'now'>
  apps: AppRegistry
  tokens: ClientTokenStore
  replays: ReturnType<typeof createReplayCache>
  idempotency: IdempotencyStore
  faults: FaultInjector
  keys: GatewayKeyRing
  routes: readonly RouteDefinition[]
  openapi: () => unknown
}

const encoder = new TextEncoder()
const calm: FaultDecision = { latencyMs: 0, reject: null, dropAfterCommit: false, dropReplay: false }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The HTTP door: a Fetch API `Request` in, a signed `Response` out. msw handlers and the sandbox
 * server both call this, so both behave the same. Order of work: route → body size → credentials →
 * JSON → client-token scope (synchronously, claiming a single-use scope) → injected faults (429/503
 * before anything is applied) → idempotency claim (records per app, or per token) → latency →
 * engine → idempotency record → (injected drop after commit) → signature.
 * A dropped response is `Response.error()`, a network error. Every response, JSON or raw (a route's
 * `rawResponse`), is signed over its bytes and its status (`sts`) and bound to its request (`htm`, `htu`, `nonce`).
 * Idempotency applies to POST only (see `RouteDefinition`: PATCH needs no key).
 */
export function createHttpDoor(deps: HttpDoorDependencies) {
  const router = createRouter(deps.routes)

  async function signed(
    status: number,
    body: string,
    requestId: string,
    binding: ResponseBinding,
    extra: Record<string, string> = {},
  ) {
    const bytes = encoder.encode(body)
    // The status is signed too (`sts`): the SDK trusts only the status the gateway signed.
    const signature = await deps.keys.sign(signatureTypes.response, bytes, requestId, {
      ...binding,
      sts: status,
    })
    return new Response(bytes, {
      status,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        [headers.requestId]: requestId,
        [headers.signature]: signature,
        ...extra,
      },
    })
  }

  const failure = (error: RailsError, requestId: string): StoredResponse => ({
    status: error.status,
    body: errorBody(error, requestId),
    headers: error.code === 'rate_limited' ? { [headers.retryAfter]: String(faultRetryAfterSeconds) } : {},
  })

  return async function handle(request: Request): Promise<Response> {
    const requestId = randomId('req_')
    const url = new URL(request.url)
    const method = request.method.toUpperCase()
    const path = url.pathname
    const nonce = request.headers.get(headers.nonce)
    const binding: ResponseBinding = { htm: method, htu: path + url.search, ...(nonce ? { nonce } : {}) }
    deps.context.engine.expireDueOrders()
    // What the clock decided since the last request (a rebate due, a campaign's window), on the sandbox's system clock too.
    deps.context.campaigns.sync()
    try {
      if (method === 'GET' && path === '/.well-known/jwks.json') {
        return await signed(200, JSON.stringify(await deps.keys.jwks()), requestId, binding)
      }
      if (method === 'GET' && path === '/openapi.json') {
        return await signed(200, JSON.stringify(deps.openapi()), requestId, binding)
      }
      const match = router.match(method, path)
      if (match === undefined || match === 'method_not_allowed') {
        throw new RailsError(
          'not_found',
          match
            ? `${method} is not supported on ${path}. See /openapi.json for the routes.`
            : `No route ${method} ${path}. See /openapi.json for the routes.`,
          { method, path },
        )
      }
      const declared = Number(request.headers.get('content-length') ?? 0)
      if (declared > maxBodyBytes) throw tooLarge(declared)
      const bytes = new Uint8Array(await request.arrayBuffer())
      if (bytes.byteLength > maxBodyBytes) throw tooLarge(bytes.byteLength)

      const now = deps.clock.now()
      const authenticated = await authenticateCaller({
        headers: request.headers,
        method,
        pathWithQuery: path + url.search,
        body: bytes,
        now,
        signatureNow: (deps.signatureClock ?? deps.clock).now(),
        apps: deps.apps,
        tokens: deps.tokens,
        replays: deps.replays,
      })
      // From here to the claim nothing awaits: the scope read is the scope used.
      const { caller, claimed, replayOnly } = authoriseCaller(
        match.route,
        method,
        authenticated,
        {
          ...deps.context,
          params: match.params,
          query: url.searchParams,
          body: parseJson(bytes),
          caller: authenticated,
          tokens: deps.tokens,
          now,
        },
        deps.tokens,
      )
      try {
        return await handleAuthorised(match, caller, bytes, now, replayOnly)
      } finally {
        if (claimed && caller.kind === 'token') deps.tokens.release(caller.token)
      }
    } catch (error) {
      return failed(error)
    }

    async function handleAuthorised(
      match: RouteMatch,
      caller: Caller,
      bytes: Uint8Array,
      now: number,
      replayOnly: boolean,
    ): Promise<Response> {
      // Faults drawn per request identity, so a seed replays whatever order requests arrive in.
      // Test controls are never faulted: `faults set 5xx=1` must not lock out `faults set` itself.
      const fault = match.route.testMode
        ? calm
        : deps.faults.decide(
            match.key,
            request.headers.get(headers.idempotencyKey) ?? `${method} ${path}${url.search}`,
          )
      if (fault.reject === 429) {
        throw new RailsError(
          'rate_limited',
          `Too many requests. Wait ${faultRetryAfterSeconds} s (Retry-After) and retry.`,
        )
      }
      if (fault.reject === 503) {
        throw new RailsError(
          'service_unavailable',
          'The gateway is briefly unavailable; nothing was applied. Retry with backoff.',
        )
      }

      const scope = idempotencyScopeOf(caller)
      const idempotencyKey = method === 'POST' ? request.headers.get(headers.idempotencyKey) : null
      if (replayOnly && idempotencyKey === null) throw usedOpeningToken()
      if (idempotencyKey !== null) {
        const fingerprint = `${method} ${path}${url.search} ${await bodyDigest(bytes)}`
        const lookup = deps.idempotency.begin(scope, idempotencyKey, fingerprint, now)
        if (lookup.kind === 'replay') {
          if (fault.dropReplay) return Response.error()
          const stored = lookup.response
          return await signed(stored.status, stored.body, requestId, binding, {
            ...stored.headers,
            'idempotent-replayed': 'true',
          })
        }
        if (replayOnly) {
          if (lookup.kind === 'new') deps.idempotency.abandon(scope, idempotencyKey)
          throw usedOpeningToken()
        }
        if (lookup.kind === 'conflict') {
          throw new RailsError(
            'idempotency_conflict',
            'This Idempotency-Key was used for a different request. Use a new key for a new request; reuse a key only to retry the same request.',
          )
        }
        if (lookup.kind === 'in_progress') {
          throw new RailsError(
            'request_in_progress',
            'A request with this Idempotency-Key is still being processed. Retry shortly.',
          )
        }
      }

      let outcome: StoredResponse
      try {
        if (fault.latencyMs > 0) await sleep(fault.latencyMs)
        const input: RouteInput = {
          ...deps.context,
          params: match.params,
          query: url.searchParams,
          body: parseJson(bytes),
          caller,
          tokens: deps.tokens,
          now,
        }
        outcome = answerOf(await match.route.handle({ ...input, now: deps.clock.now() }))
      } catch (error) {
        if (!(error instanceof RailsError)) {
          if (idempotencyKey !== null) deps.idempotency.abandon(scope, idempotencyKey)
          throw error
        }
        outcome = failure(error, requestId)
        // A retryable refusal (e.g. a refund not funded yet) is not the request's answer for good:
        // the same key must be able to succeed later.
        if (error.retryable && idempotencyKey !== null) {
          deps.idempotency.abandon(scope, idempotencyKey)
          return await signed(outcome.status, outcome.body, requestId, binding, outcome.headers)
        }
      }
      if (idempotencyKey !== null) deps.idempotency.complete(scope, idempotencyKey, outcome)
      if (fault.dropAfterCommit) return Response.error()
      return await signed(outcome.status, outcome.body, requestId, binding, outcome.headers)
    }

    function failed(error: unknown): Promise<Response> {
      const railsError =
        error instanceof RailsError
          ? error
          : new RailsError(
              'gateway_error',
              'The gateway failed unexpectedly. Retry; if it persists, report the request id.',
              { cause: maskText(error instanceof Error ? error.message : String(error)) },
            )
      const response = failure(railsError, requestId)
      return signed(response.status, response.body, requestId, binding, response.headers)
    }
  }
}

/** What a route's result goes out as: a raw body with its content type, or JSON. */
function answerOf(result: unknown): StoredResponse {
  if (isRawResponse(result)) {
    return {
      status: 200,
      body: result.body,
      headers: { ...result.headers, 'content-type': result.contentType },
    }
  }
  return { status: 200, body: JSON.stringify(result), headers: {} }
}

function tooLarge(size: number): RailsError {
  return new RailsError(
    'payload_too_large',
    `The body is ${size} bytes; at most ${maxBodyBytes} bytes (1 MiB) are accepted. Send less per request.`,
    { size, limit: maxBodyBytes },
  )
}

function parseJson(bytes: Uint8Array): unknown {
  if (bytes.byteLength === 0) return {}
  try {
    return JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    throw new RailsError('malformed_json', 'The body is not valid JSON. Send a JSON object encoded as UTF-8.')
  }
}
