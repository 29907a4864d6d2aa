import { createEcnyError, EcnyError } from '../../errors/EcnyError.js'

/** The categories of a failure of the transport, not an answer about the payment. */
const transient = new Set(['timeout', 'connection', 'gateway', 'rate_limited'])

/**
 * A transient failure of the limits pre-check (its `GET`s for the order, the wallet's limits or
 * balance) said in terms of the payment: nothing was sent, so paying again is safe. The code stays
 * the transport's (`timeout`, `service_unavailable`, …); `details.paymentSent` is `false`.
 * Anything else (a refusal such as `limit_exceeded`, a non-SDK error) comes back unchanged.
 */
export function precheckNotSent(error: unknown, orderId: string): unknown {
  if (!(error instanceof EcnyError) || !transient.has(error.category)) return error
  return createEcnyError(
    error.code,
    `The limits pre-check before paying order ${orderId} failed (${error.shortMessage}). The payment itself was not sent.`,
    {
      hint: 'Nothing was sent: it is safe to call pay again. Pass precheck: false to leave the caps to the gateway.',
      requestId: error.requestId,
      status: error.status,
      retryable: true,
      details: { ...error.details, orderId, stage: 'precheck', paymentSent: false },
      cause: error,
    },
  )
}
