/** Request bodies and queries of the test-mode controls (a sandbox in test mode only). */
import * as z from 'zod/mini'
import { gatewayId, text, walletIdDigits } from './fields.js'

/** Longest single clock step: 400 days, enough to cross an annual reset. */
export const maxClockAdvanceSeconds = 400 * 24 * 60 * 60

export const advanceTestClockRequest = z.object({
  /** Seconds to move the rails' clock forward (1 … 400 days). */
  seconds: z
    .number()
    .check(
      z.int({ error: 'expected a whole number of seconds' }),
      z.minimum(1, { error: 'expected at least 1 second (the clock only moves forward)' }),
      z.maximum(maxClockAdvanceSeconds, { error: `expected at most ${maxClockAdvanceSeconds} s (400 days)` }),
    ),
})

/** What a trigger does to an unpaid order. */
export const testTriggerActions = ['pay', 'expire', 'fail'] as const

/** Failure codes a `fail` trigger may give the order (what a payer's payment fails with). */
export const testFailureCodes = ['insufficient_funds', 'limit_exceeded', 'payment_code_expired'] as const

export const triggerTestEventRequest = z.object({
  action: z.enum(testTriggerActions),
  orderId: gatewayId,
  /** `pay`: the wallet that pays. Default: a fresh test wallet topped up with the amount. */
  walletId: z.optional(walletIdDigits),
  /** `fail`: the failure the order records. Default `insufficient_funds`. */
  failureCode: z.optional(z.enum(testFailureCodes)),
})

const rate = z.number().check(z.minimum(0), z.maximum(1))

/** Fault settings over the wire, as `rails.faults.set()` takes them (rates 0 … 1). */
export const testFaultSettings = z.object({
  latencyMs: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(60_000))),
  rate5xx: z.optional(rate),
  rate429: z.optional(rate),
  dropAfterCommit: z.optional(rate),
  dropEveryAnswer: z.optional(rate),
  duplicateNotifications: z.optional(rate),
  reorderNotifications: z.optional(rate),
})

export const setTestFaultsRequest = z.object({
  ...testFaultSettings.shape,
  /** Per-route overrides keyed by the route's template, e.g. `"POST /v1/orders/{id}/pay"`. */
  routes: z.optional(z.record(text(200), testFaultSettings)),
})

export const listTestNotificationsQuery = z.object({
  status: z.optional(z.enum(['pending', 'delivered', 'failed', 'no_endpoint'])),
})

export const claimTestNotificationsRequest = z.object({
  /** Most notifications to take at once (1 … 100, default 20). */
  limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(100))),
})

/** Longest forwarded answer body recorded (characters). */
export const maxForwardedAnswerChars = 4096

export const reportForwardedDeliveryRequest = z.object({
  /** The `attempt` of the claimed delivery this answers. */
  attempt: z.number().check(z.int(), z.minimum(1)),
  /** HTTP status the local receiver answered; `null` when it could not be reached. */
  httpStatus: z.nullable(z.number().check(z.int(), z.minimum(100), z.maximum(599))),
  /** The receiver's answer body (the first 4096 characters). */
  body: z.optional(z.string().check(z.maxLength(maxForwardedAnswerChars))),
  /** Why the receiver could not be reached (refused, timed out). */
  error: z.optional(z.string().check(z.maxLength(500))),
})
