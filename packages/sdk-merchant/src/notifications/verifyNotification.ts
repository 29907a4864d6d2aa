import { headers as protocolHeaders, signatureTypes } from '@ecny/protocol'
import { createEcnyError, SignatureError } from '@ecny/sdk-core'
import {
  createGatewayKeySet,
  type GatewayClaims,
  type GatewayKeySet,
  verifyGatewaySignature,
} from '@ecny/sdk-core/internal'
import { createDefaultReplayStore } from './defaultReplayStore.js'
import type { JSONWebKeySetLike } from './gatewayKeys.js'
import { type HeadersInput, headerValue } from './headers.js'
import { claimEvent } from './notificationClaims.js'
import { type MerchantNotificationEvent, toNotificationEvent } from './notificationEvent.js'
import { isNotificationOperator, type NotificationOperator } from './notificationOperator.js'
import { type BodySource, rawBytes } from './rawBody.js'
import type { ReplayStore } from './replayStore.js'

/** The signature type of gateway notifications (the JWS `typ`). */
export const notificationSignatureType = signatureTypes.notification

/** Ids are remembered for 24 h by default: longer than the whole retry schedule (about 3 h). */
export const defaultReplayTtlSeconds = 86_400

/**
 * A handler's claim on an event lapses after 300 s by default (a crashed process does not block the
 * gateway's retries for long), and is never shorter than the signature tolerance, so a delivery
 * replayed after a lapsed claim is refused as too old.
 */
export const defaultClaimTtlSeconds = 300

export type VerifyNotificationOptions = NotificationStoreOptions & {
  /**
   * The gateway's public keys: a JWKS object, or its URL (fetched once, cached, refetched when an
   * unknown `kid` appears after a key rotation). Required unless `operator` is given.
   */
  gatewayKeys?: JSONWebKeySetLike | string
  /**
   * The operator whose notifications arrive here instead, e.g. `cmb({...})`: its form-encoded
   * bodies are verified with its gateway key and answered with its signed acknowledgement.
   */
  operator?: NotificationOperator
}

/** The options every dialect shares: signature age, the replay store and its clocks. */
export type NotificationStoreOptions = {
  /** Accepted age of the signature, in seconds (reference notifications; CMB's carry no time). Default 300. */
  toleranceSeconds?: number
  /**
   * Claims event ids while a handler runs and remembers handled ones; a delivery of a handled id
   * throws `notification_replayed`. Default: one in-memory store per process. Pass `false` to handle
   * duplicates yourself.
   */
  replayStore?: ReplayStore | false
  /** How long a handled id is remembered. Default 86 400 s (24 h). */
  replayTtlSeconds?: number
  /** How long a handler's claim holds before it lapses. Default 300 s (at least `toleranceSeconds`). */
  claimTtlSeconds?: number
  /** Clock in ms, for tests. Default `Date.now`. */
  now?: () => number
}

/** What a verifier needs, once resolved. */
export type NotificationVerifierContext = {
  verifySignature(parameters: {
    signature: string | undefined
    body: Uint8Array
    expectedRid: string | undefined
    toleranceSeconds: number
    nowSeconds: number
  }): Promise<GatewayClaims>
  toleranceSeconds: number
  replayStore: ReplayStore | false
  replayTtlSeconds: number
  claimTtlSeconds: number
  now: () => number
  /** Set for an operator's notifications (e.g. CMB): it verifies and acknowledges them its own way. */
  operator?: NotificationOperator | undefined
}

let processReplayStore: ReplayStore | undefined

/**
 * The in-memory store `verifyNotification` and the handlers use when none is passed (one per process).
 *
 * @example
 * const store = getDefaultReplayStore()
 */
export function getDefaultReplayStore(): ReplayStore {
  processReplayStore ??= createDefaultReplayStore()
  return processReplayStore
}

const keySetsByUrl = new Map<string, GatewayKeySet>()
const keySetsByJwks = new WeakMap<object, GatewayKeySet>()

/** One cached key set per JWKS object or URL, so repeated calls do not refetch or re-import keys. */
function keySetFor(keys: JSONWebKeySetLike | string): GatewayKeySet {
  if (typeof keys === 'string') {
    let set = keySetsByUrl.get(keys)
    if (!set) {
      if (keySetsByUrl.size >= 32) keySetsByUrl.clear()
      set = createGatewayKeySet({ keys })
      keySetsByUrl.set(keys, set)
    }
    return set
  }
  let set = keySetsByJwks.get(keys)
  if (!set) {
    set = createGatewayKeySet({ keys: keys as Parameters<typeof createGatewayKeySet>[0]['keys'] })
    keySetsByJwks.set(keys, set)
  }
  return set
}

/** Resolves standalone options into a verifier context. */
export function contextFromOptions(options: VerifyNotificationOptions): NotificationVerifierContext {
  const { operator } = options ?? {}
  if (operator !== undefined) {
    if (!isNotificationOperator(operator))
      throw createEcnyError('invalid_request', 'options.operator cannot verify notifications.', {
        hint: 'Pass the operator itself, e.g. operator: cmb({...}) from @ecny/operator-cmb.',
      })
    return storeContext(options, operatorCannotUseJws(operator.name), operator)
  }
  if (!options || (typeof options.gatewayKeys !== 'string' && !Array.isArray(options.gatewayKeys?.keys))) {
    throw createEcnyError('invalid_request', 'verifyNotification needs options.gatewayKeys.', {
      hint: 'Pass the gateway JWKS object or its URL (e.g. https://gateway…/.well-known/jwks.json), or operator: cmb({...}) for CMB, or use client.notifications.verify.',
    })
  }
  const keys = keySetFor(options.gatewayKeys)
  return storeContext(options, (parameters) =>
    verifyGatewaySignature({ ...parameters, keys, type: notificationSignatureType }),
  )
}

/** An operator's notifications carry no reference signature: this is never called for them. */
const operatorCannotUseJws =
  (name: string): NotificationVerifierContext['verifySignature'] =>
  () =>
    Promise.reject(new Error(`the ${name} operator verifies its own notifications`))

/**
 * A verifier context from the options every dialect shares (replay store, TTLs, tolerance, clock).
 *
 * @example
 * const context = storeContext(options, verifySignature, cmbOperator)
 */
export function storeContext(
  options: NotificationStoreOptions,
  verifySignature: NotificationVerifierContext['verifySignature'],
  operator?: NotificationOperator,
): NotificationVerifierContext {
  return {
    verifySignature,
    operator,
    toleranceSeconds: options.toleranceSeconds ?? 300,
    replayStore: options.replayStore === undefined ? getDefaultReplayStore() : options.replayStore,
    replayTtlSeconds: options.replayTtlSeconds ?? defaultReplayTtlSeconds,
    claimTtlSeconds: options.claimTtlSeconds ?? defaultClaimTtlSeconds,
    now: options.now ?? Date.now,
  }
}

/**
 * Signature, JSON and `rid` checks, without touching the replay store: the first half of both
 * {@link verifyWithContext} and the notification handlers.
 */
export async function verifyEvent(
  context: NotificationVerifierContext,
  rawBody: unknown,
  headers: HeadersInput,
  source: BodySource = 'generic',
): Promise<MerchantNotificationEvent> {
  const body = rawBytes(rawBody, source)
  if (context.operator) return operatorEvent(context.operator, body, context.now())
  const announcedId = headerValue(headers, protocolHeaders.notificationId)
  const claims = await context.verifySignature({
    signature: headerValue(headers, protocolHeaders.signature),
    body,
    expectedRid: announcedId,
    toleranceSeconds: context.toleranceSeconds,
    nowSeconds: Math.floor(context.now() / 1000),
  })
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(body))
  } catch (cause) {
    throw createEcnyError('invalid_response', 'The notification is signed but its body is not JSON.', {
      cause,
    })
  }
  const event = toNotificationEvent(json)
  if (event.id !== claims.rid) {
    throw new SignatureError(
      'signature_invalid',
      'The signature belongs to a different event (rid mismatch).',
      {
        hint: 'The message was not trusted and nothing in it was used.',
        details: { eventId: event.id },
      },
    )
  }
  return event
}

/**
 * An operator's notification: verified by the operator over the raw body (CMB: URL-decoded, sorted,
 * SM2 with its gateway key) before anything is parsed, then checked as a reference event.
 */
function operatorEvent(
  operator: NotificationOperator,
  body: Uint8Array,
  now: number,
): MerchantNotificationEvent {
  const { event } = operator.parseNotification(body, now)
  return toNotificationEvent(event)
}

/** The claim TTL in ms: never shorter than the signature tolerance. */
export const claimTtlMs = (context: NotificationVerifierContext) =>
  Math.max(context.claimTtlSeconds, context.toleranceSeconds) * 1000

/**
 * The standalone pipeline of `verifyNotification`, the verifiers and `client.notifications.verify*`:
 * verifies, then records the event id as handled at once (claim and commit) — at most once: if your
 * handler then fails, the gateway's retry is `notification_replayed`. The notification handlers
 * (`createNodeNotificationHandler` and friends) commit only after the handler succeeded.
 */
export async function verifyWithContext(
  context: NotificationVerifierContext,
  rawBody: unknown,
  headers: HeadersInput,
  source: BodySource = 'generic',
): Promise<MerchantNotificationEvent> {
  const event = await verifyEvent(context, rawBody, headers, source)
  if (context.replayStore) {
    const claim = await claimEvent(
      context.replayStore,
      event,
      claimTtlMs(context),
      context.replayTtlSeconds * 1000,
    )
    await claim.commit()
  }
  return event
}

/**
 * Verifies a gateway notification and returns it typed, in this order: the body must be raw (a
 * parsed object throws `body_already_parsed`, saying how to get the raw body in your framework); the
 * `Ecny-Signature` (typ `ecny-notification+jws`) must verify over those raw bytes with the gateway's
 * key, be at most `toleranceSeconds` old and name this event (`rid`); only then is the JSON parsed;
 * finally the event id must be new to the replay store (`notification_replayed` otherwise), and is
 * recorded as handled when this returns.
 *
 * That makes it **at most once**: if applying the event then fails, the gateway's retry is
 * `notification_replayed` and the event is never applied. For at-least-once delivery with
 * de-duplication — claim, handle, commit, release on failure — use a notification handler instead
 * ({@link handleNotification}, `createNodeNotificationHandler`, `createExpressNotificationHandler`,
 * `createFetchNotificationHandler`), or pass `replayStore: false` and de-duplicate in your own
 * database transaction. On `notification_replayed`, answer success without applying it again.
 *
 * @example
 * // Next.js route handler (app/api/ecny/notify/route.ts)
 * export async function POST(request: Request) {
 *   const event = await verifyNotification(await request.text(), request.headers, {
 *     gatewayKeys: 'https://gateway.ecny-sdk.dev/.well-known/jwks.json',
 *   })
 *   if (event.type === 'order.succeeded') await markPaid(event.data.merchantOrderNo)
 *   return ackNotificationResponse()
 * }
 */
export async function verifyNotification(
  rawBody: string | Uint8Array | ArrayBuffer,
  headers: HeadersInput,
  options: VerifyNotificationOptions,
): Promise<MerchantNotificationEvent> {
  return verifyWithContext(contextFromOptions(options), rawBody, headers)
}
