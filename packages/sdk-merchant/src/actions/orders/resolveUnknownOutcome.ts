import {
  AbortedError,
  type CallOptions,
  createEcnyError,
  EcnyError,
  type Order,
  type RequestErrorType,
  type ResultUnknownError,
} from '@ecny/sdk-core'
import { parseInput, sleep, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId, merchantNumber, milliseconds } from '../../internal/inputs.js'
import { merchantIdFor } from '../../internal/merchantIdFor.js'
import { closeOrder } from './closeOrder.js'
import { getOrderByMerchantOrderNo } from './getOrderByMerchantOrderNo.js'
import { isFinalOrder } from './waitForOrderFinal.js'

const resolveUnknownOutcomeParameters = z.object({
  merchantId: z.optional(gatewayId('merchantId')),
  /** The number the uncertain `createOrder` was sent with (`error.details.merchantOrderNo`). */
  merchantOrderNo: merchantNumber('merchantOrderNo'),
  /**
   * Close the order if it exists but is still unpaid (`created`), so it can never be paid later;
   * the result is then final. Default `false`: wait for it to become final instead.
   */
  closeIfUnpaid: z.optional(z.boolean({ error: 'closeIfUnpaid must be true or false' })),
  /**
   * Queries to make at most (each one with the client's own retries) before reporting `pending`,
   * or — if none got an answer — throwing a resumable `result_unknown`. Default 10 (about 30 s
   * with the default pacing).
   */
  maxAttempts: z.optional(
    z
      .number({ error: 'maxAttempts must be a number of queries' })
      .check(
        z.int({ error: 'maxAttempts must be a whole number of queries' }),
        z.minimum(1, { error: 'maxAttempts must be at least 1' }),
      ),
  ),
  /** Also stop once this long has passed, if given. No default: the budget is `maxAttempts`. */
  timeoutMs: z.optional(milliseconds('timeoutMs', 1)),
  /** First wait between queries, doubling up to `maxPollIntervalMs`. Default 250 ms; 0 never waits. */
  pollIntervalMs: z.optional(milliseconds('pollIntervalMs', 0)),
  /** Default 5 000 ms. */
  maxPollIntervalMs: z.optional(milliseconds('maxPollIntervalMs', 1)),
})

export type ResolveUnknownOutcomeParameters = z.input<typeof resolveUnknownOutcomeParameters>

/**
 * What became of an order whose creation got no answer:
 * - `not_found`: the gateway never created it. Create it again with the **same** merchant order number.
 * - `final`: it exists and is final (`order.status` says how it ended); do not create it again.
 * - `closed`: it existed unpaid and `closeIfUnpaid` closed it; it will never be paid.
 * - `pending`: it exists but was not final within `maxAttempts` queries (or `timeoutMs`); ask again
 *   later (or pass `closeIfUnpaid`).
 *
 * If no query got an answer at all, it throws `result_unknown` whose `details.resumeWith` holds the
 * parameters to call it again with — from a later job, say — to carry on where it stopped.
 * Any outcome but `pending` strikes the order out of the client's `inFlightCreates` store.
 */
export type ResolveUnknownOutcomeReturnType =
  | { outcome: 'not_found'; merchantOrderNo: string; order: null }
  | { outcome: 'final' | 'closed' | 'pending'; merchantOrderNo: string; order: Order }

/** What resolveUnknownOutcome can throw: see each code in docs/errors.md. */
export type ResolveUnknownOutcomeErrorType = ResultUnknownError | RequestErrorType

/**
 * The unknown-outcome protocol in one call. A `result_unknown` from `createOrder` (a timeout, a
 * dropped connection, a 5xx after the gateway may have acted) means the order may or may not exist.
 * This queries it by merchant order number until it is final, optionally closes it while unpaid, and
 * tells you whether creating it again is safe — it never creates anything itself. Its budget is a
 * number of queries (`maxAttempts`), not a time, so a slow machine does not change the answer.
 *
 * @example
 * try {
 *   return await createOrder(client, params)
 * } catch (error) {
 *   if (!(error instanceof EcnyError) || error.code !== 'result_unknown') throw error
 *   const settled = await resolveUnknownOutcome(client, {
 *     merchantOrderNo: String(error.details.merchantOrderNo), closeIfUnpaid: true,
 *   })
 *   if (settled.outcome === 'not_found') return await createOrder(client, params) // same number
 *   return settled.order
 * }
 *
 * @example
 * // A later job resumes a resolution that could not reach the gateway:
 * try {
 *   await resolveUnknownOutcome(client, { merchantOrderNo: 'A-1001' })
 * } catch (error) {
 *   if (error instanceof EcnyError && error.code === 'result_unknown')
 *     await queue.later(() => resolveUnknownOutcome(client, error.details.resumeWith as never))
 * }
 */
export async function resolveUnknownOutcome(
  client: MerchantBaseClient,
  parameters: ResolveUnknownOutcomeParameters,
  options: Pick<CallOptions, 'signal'> = {},
): Promise<ResolveUnknownOutcomeReturnType> {
  const input = parseInput(resolveUnknownOutcomeParameters, parameters)
  const result = await resolve(client, input, options)
  if (result.outcome !== 'pending' && client.inFlightCreates) {
    const merchantId = merchantIdFor(client, input.merchantId)
    await client.inFlightCreates.clear({
      merchantOrderNo: input.merchantOrderNo,
      ...(merchantId !== undefined && { merchantId }),
    })
  }
  return result
}

async function resolve(
  client: MerchantBaseClient,
  input: z.output<typeof resolveUnknownOutcomeParameters>,
  options: Pick<CallOptions, 'signal'>,
): Promise<ResolveUnknownOutcomeReturnType> {
  const { merchantOrderNo } = input
  const maxAttempts = input.maxAttempts ?? 10
  const timeoutMs = input.timeoutMs ?? Number.POSITIVE_INFINITY
  const maxDelay = Math.max(input.maxPollIntervalMs ?? 5_000, 1)
  let delay = input.pollIntervalMs ?? 250
  const started = Date.now()
  let attempts = 0
  const { signal } = options
  let last: Order | undefined
  let closeTried = false
  const query = { merchantOrderNo, ...(input.merchantId !== undefined && { merchantId: input.merchantId }) }
  const resumeWith = {
    ...query,
    ...(input.closeIfUnpaid !== undefined && { closeIfUnpaid: input.closeIfUnpaid }),
  }

  for (;;) {
    if (signal?.aborted) {
      throw new AbortedError(
        'aborted',
        `Stopped resolving order ${merchantOrderNo}: aborted by the caller.`,
        {
          hint: 'Call resolveUnknownOutcome again; do not create the order with a new number.',
          details: { merchantOrderNo, status: last?.status },
        },
      )
    }
    attempts++
    try {
      last = await getOrderByMerchantOrderNo(client, query, { signal })
    } catch (error) {
      if (error instanceof EcnyError && error.code === 'not_found')
        return { outcome: 'not_found', merchantOrderNo, order: null }
      if (!(error instanceof EcnyError) || !error.retryable || signal?.aborted) throw error
    }
    if (last) {
      if (isFinalOrder(last)) return { outcome: 'final', merchantOrderNo, order: last }
      if (last.status === 'created' && input.closeIfUnpaid && !closeTried) {
        closeTried = true
        try {
          const closed = await closeOrder(client, { orderId: last.id }, { signal })
          return { outcome: closed.status === 'closed' ? 'closed' : 'final', merchantOrderNo, order: closed }
        } catch (error) {
          // Paid (or closed) between the query and the close: read it again.
          if (!(error instanceof EcnyError) || (error.code !== 'invalid_state' && !error.retryable))
            throw error
          continue
        }
      }
    }
    const remaining = timeoutMs - (Date.now() - started)
    if (remaining <= 0 || attempts >= maxAttempts) {
      if (!last) {
        throw createEcnyError(
          'result_unknown',
          `Could not reach the gateway to resolve order ${merchantOrderNo} in ${attempts} queries.`,
          {
            hint: 'Resume later: call resolveUnknownOutcome again with error.details.resumeWith (the same merchant order number); never create the order with a new one.',
            details: { merchantOrderNo, attempts, resumeWith },
          },
        )
      }
      return { outcome: 'pending', merchantOrderNo, order: last }
    }
    try {
      await sleep(Math.min(delay, remaining), signal)
    } catch {
      continue
    }
    delay = Math.min(delay * 2, maxDelay)
  }
}
