/**
 * HTTP header names of the reference protocol, lower case as Node and Fetch report them. The
 * gateway and the SDK read and write headers only through these names.
 */
export const headers = {
  /** A compact JWS over the request (from the app) or the response/notification (from the gateway). */
  signature: 'ecny-signature',
  /** One logical POST's key, reused on every retry; same key + other body → `idempotency_conflict`. */
  idempotencyKey: 'idempotency-key',
  /** The client's per-attempt nonce; the gateway echoes it in the response's signed claims. */
  nonce: 'ecny-nonce',
  /** The gateway's id for the request, on every response and inside every error body. */
  requestId: 'ecny-request-id',
  /** The id of a notification event, for de-duplication before the body is read. */
  notificationId: 'ecny-notification-id',
  /** Seconds (or an HTTP date) to wait before retrying a 429 or 503. */
  retryAfter: 'retry-after',
  /** `Bearer <client token>` from a browser. */
  authorization: 'authorization',
} as const

export type HeaderName = (typeof headers)[keyof typeof headers]
