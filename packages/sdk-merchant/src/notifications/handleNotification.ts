import { EcnyError } from '@ecny/sdk-core'
import { notificationAckBody } from './ack.js'
import type { HeadersInput } from './headers.js'
import { claimEvent } from './notificationClaims.js'
import type { MerchantNotificationEvent } from './notificationEvent.js'
import type { BodySource, RawBody } from './rawBody.js'
import {
  claimTtlMs,
  contextFromOptions,
  type NotificationVerifierContext,
  type VerifyNotificationOptions,
  verifyEvent,
} from './verifyNotification.js'

/** Applies one verified event. Make it idempotent too; throwing means "not acknowledged". */
export type NotificationEventHandler = (event: MerchantNotificationEvent) => unknown

/**
 * What a notification handler answered, and why: `handled` and `duplicate` are 200
 * `{"code":"SUCCESS"}` (the gateway stops); `in_progress` (409), `failed` (500, the handler threw)
 * and `rejected` (400, or 413 for an oversized body: not a genuine notification) make it retry.
 */
export type NotificationAnswer = {
  status: number
  /** `application/json`; an operator's acknowledgement may name a charset. */
  headers: { 'content-type': string }
  /** `{"code":"SUCCESS"}`, or the operator's own (CMB: the signed SUCCESS envelope). */
  body: string
  outcome: 'handled' | 'duplicate' | 'in_progress' | 'failed' | 'rejected'
  /** The verified event (absent when `rejected`). */
  event?: MerchantNotificationEvent
  /** Why it was not `handled`: the SDK's error, or what the handler threw. */
  error?: unknown
}

export type NotificationHandlerOptions = {
  /** Applies the event; it runs at most once at a time per event id, and again after a failure. */
  handle: NotificationEventHandler
  /** Sees every answer before it is sent (logging, metrics). */
  onAnswer?: (answer: NotificationAnswer) => void
}

const json = { 'content-type': 'application/json' } as const

/**
 * One answer. A 200 is the dialect's acknowledgement: `{"code":"SUCCESS"}`, or the operator's own
 * (CMB's is signed with the merchant key, freshly for each answer); anything else makes it retry.
 */
function answerFor(context: NotificationVerifierContext) {
  return (
    status: number,
    outcome: NotificationAnswer['outcome'],
    extra: Pick<NotificationAnswer, 'event' | 'error'>,
  ): NotificationAnswer => {
    if (status === 200 && context.operator) {
      const ack = context.operator.ack()
      const contentType = ack.headers['content-type'] ?? 'application/json'
      return {
        status: ack.status,
        headers: { 'content-type': contentType },
        body: ack.body,
        outcome,
        ...extra,
      }
    }
    const body =
      status === 200 ? notificationAckBody : JSON.stringify({ code: 'FAIL', reason: errorCode(extra.error) })
    return { status, headers: json, body, outcome, ...extra }
  }
}

const errorCode = (error: unknown) => (error instanceof EcnyError ? error.code : 'handler_failed')

/**
 * The at-least-once pattern, shared by every notification handler: verify; claim the event id
 * (a duplicate of a handled event is acknowledged, one being handled right now answers 409); run
 * `handle`; commit the id when it returns, or release it when it throws (answer 500, so the
 * gateway's retry applies it). Never throws: every outcome is an answer.
 */
export async function answerWithContext(
  context: NotificationVerifierContext,
  read: () => Promise<unknown> | unknown,
  headers: HeadersInput,
  source: BodySource,
  options: NotificationHandlerOptions,
): Promise<NotificationAnswer> {
  const result = await answerOnce(context, read, headers, source, options.handle)
  options.onAnswer?.(result)
  return result
}

async function answerOnce(
  context: NotificationVerifierContext,
  read: () => Promise<unknown> | unknown,
  headers: HeadersInput,
  source: BodySource,
  handle: NotificationEventHandler,
): Promise<NotificationAnswer> {
  const answer = answerFor(context)
  let event: MerchantNotificationEvent
  try {
    event = await verifyEvent(context, await read(), headers, source)
  } catch (error) {
    const tooLarge = error instanceof EcnyError && error.code === 'payload_too_large'
    return answer(tooLarge ? 413 : 400, 'rejected', { error })
  }
  let claim: Awaited<ReturnType<typeof claimEvent>> | undefined
  if (context.replayStore) {
    try {
      claim = await claimEvent(
        context.replayStore,
        event,
        claimTtlMs(context),
        context.replayTtlSeconds * 1000,
      )
    } catch (error) {
      if (error instanceof EcnyError && error.code === 'notification_replayed')
        return answer(200, 'duplicate', { event, error })
      if (error instanceof EcnyError && error.code === 'notification_in_progress')
        return answer(409, 'in_progress', { event, error })
      return answer(503, 'failed', { event, error }) // the store is down: let the gateway retry
    }
  }
  try {
    await handle(event)
  } catch (error) {
    await claim?.release().catch(() => undefined) // if this fails too, the claim lapses
    return answer(500, 'failed', { event, error })
  }
  try {
    await claim?.commit()
  } catch {
    // Handled, but not remembered: a redelivery applies it again, which an idempotent handler absorbs.
  }
  return answer(200, 'handled', { event })
}

/**
 * Verifies a notification and applies it at least once, exactly once when `handle` succeeds: the
 * framework-neutral form of the notification handlers. Returns the answer to send (never throws).
 *
 * @example
 * // Any framework: raw body and headers in, status and body out.
 * const reply = await handleNotification(rawBody, headers, {
 *   gatewayKeys: jwksUrl,
 *   handle: async (event) => {
 *     if (event.type === 'order.succeeded') await markPaid(event.data.merchantOrderNo)
 *   },
 * })
 * res.writeHead(reply.status, reply.headers).end(reply.body)
 */
export async function handleNotification(
  rawBody: RawBody,
  headers: HeadersInput,
  options: VerifyNotificationOptions & NotificationHandlerOptions,
): Promise<NotificationAnswer> {
  return answerWithContext(contextFromOptions(options), () => rawBody, headers, 'generic', options)
}
