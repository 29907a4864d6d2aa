import { EcnyError, SignatureError } from '@ecny/sdk-core'
import {
  createGatewayKeySet,
  type GatewayClaims,
  type GatewayKeySet,
  verifyGatewaySignature,
} from '@ecny/sdk-core/internal'
import type { JSONWebKeySetLike } from './gatewayKeys.js'
import { type HeadersInput, headerValue } from './headers.js'
import { type MerchantNotificationEvent, toNotificationEvent } from './notificationEvent.js'
import { type BodySource, rawBytes } from './rawBody.js'
import { createMemoryReplayStore, type ReplayStore } from './replayStore.js'

/** The signature type of gateway notifications (the JWS `typ`). */
export const notificationSignatureType = 'ecny-notification+jws'

/** Ids are remembered for 24 h by default: longer than the whole retry schedule (about 3 h). */
export const defaultReplayTtlSeconds = 86_400

export type VerifyNotificationOptions = {
  /**
   * The gateway's public keys: a JWKS object, or its URL (fetched once, cached, refetched when an
   * unknown `kid` appears after a key rotation).
   */
  gatewayKeys: JSONWebKeySetLike | string
  /** Accepted age of the signature, in seconds. Default 300. */
  toleranceSeconds?: number
  /**
   * Remembers verified event ids; a second delivery of an id throws `notification_replayed`.
   * Default: one in-memory store per process. Pass `false` to handle duplicates yourself.
   */
  replayStore?: ReplayStore | false
  /** How long an id is remembered. Default 86 400 s (24 h). */
  replayTtlSeconds?: number
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
  now: () => number
}

let processReplayStore: ReplayStore | undefined

/**
 * The in-memory store `verifyNotification` uses when none is passed (one per process): to forget an
 * event whose processing failed, so the gateway's retry is accepted.
 *
 * @example
 * try {
 *   await apply(event)
 * } catch (error) {
 *   await getDefaultReplayStore().delete?.(event.id)
 *   throw error
 * }
 */
export function getDefaultReplayStore(): ReplayStore {
  processReplayStore ??= createMemoryReplayStore()
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
  if (!options || (typeof options.gatewayKeys !== 'string' && !Array.isArray(options.gatewayKeys?.keys))) {
    throw new EcnyError('invalid_request', 'verifyNotification needs options.gatewayKeys.', {
      hint: 'Pass the gateway JWKS object or its URL (e.g. https://gateway…/.well-known/jwks.json), or use client.notifications.verify.',
    })
  }
  const keys = keySetFor(options.gatewayKeys)
  return {
    verifySignature: (parameters) =>
      verifyGatewaySignature({ ...parameters, keys, type: notificationSignatureType }),
    toleranceSeconds: options.toleranceSeconds ?? 300,
    replayStore: options.replayStore === undefined ? getDefaultReplayStore() : options.replayStore,
    replayTtlSeconds: options.replayTtlSeconds ?? defaultReplayTtlSeconds,
    now: options.now ?? Date.now,
  }
}

const isPromise = <T>(value: T | Promise<T>): value is Promise<T> =>
  typeof (value as { then?: unknown } | null)?.then === 'function'

/** Remembers an id; `true` if it was new. Sync stores are checked and written with no await between. */
async function claimId(store: ReplayStore, id: string, ttlSeconds: number): Promise<boolean> {
  if (store.claim) return await store.claim(id, ttlSeconds)
  const seen = store.has(id)
  if (isPromise(seen) ? await seen : seen) return false
  await store.add(id, ttlSeconds)
  return true
}

/** The verification pipeline shared by `verifyNotification`, the adapters and the client. */
export async function verifyWithContext(
  context: NotificationVerifierContext,
  rawBody: unknown,
  headers: HeadersInput,
  source: BodySource = 'generic',
): Promise<MerchantNotificationEvent> {
  const body = rawBytes(rawBody, source)
  const announcedId = headerValue(headers, 'ecny-notification-id')
  const claims = await context.verifySignature({
    signature: headerValue(headers, 'ecny-signature'),
    body,
    expectedRid: announcedId,
    toleranceSeconds: context.toleranceSeconds,
    nowSeconds: Math.floor(context.now() / 1000),
  })
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(body))
  } catch (cause) {
    throw new EcnyError('invalid_response', 'The notification is signed but its body is not JSON.', { cause })
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
  if (context.replayStore && !(await claimId(context.replayStore, event.id, context.replayTtlSeconds))) {
    throw new SignatureError('notification_replayed', `Notification ${event.id} was already received.`, {
      hint:
        'It is a duplicate delivery (or a replay): do not apply it again. Answer 200 {"code":"SUCCESS"} ' +
        '(ackNotification()) so the gateway stops retrying it.',
      details: { eventId: event.id, type: event.type },
    })
  }
  return event
}

/**
 * Verifies a gateway notification and returns it typed, in this order: the body must be raw (a
 * parsed object throws `body_already_parsed`, saying how to get the raw body in your framework); the
 * `Ecny-Signature` (typ `ecny-notification+jws`) must verify over those raw bytes with the gateway's
 * key, be at most `toleranceSeconds` old and name this event (`rid`); only then is the JSON parsed;
 * finally the event id must be new to the replay store (`notification_replayed` otherwise).
 *
 * On `notification_replayed`, answer success without applying it again. If applying an event fails,
 * call `replayStore.delete(event.id)` before answering an error, so the gateway's retry is accepted.
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
