import {
  AbortedError,
  type CallOptions,
  EcnyError,
  finalOrderStatuses,
  type Order,
  TimeoutError,
} from '@ecny/sdk-core'
import { parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId, milliseconds } from '../../internal/inputs.js'
import { sleep } from '../../internal/sleep.js'
import { getOrder } from './getOrder.js'

const waitForOrderFinalParameters = z
  .object({
    orderId: gatewayId('orderId'),
    /** Give up after this long in total. Default 60 000 ms. */
    timeoutMs: z.optional(milliseconds('timeoutMs', 1)),
    /** First wait between polls; it doubles after each poll. Default 500 ms. */
    pollIntervalMs: z.optional(milliseconds('pollIntervalMs', 1)),
    /** The longest wait between polls. Default 5 000 ms. */
    maxPollIntervalMs: z.optional(milliseconds('maxPollIntervalMs', 1)),
  })
  .check(
    z.refine((input) => (input.maxPollIntervalMs ?? 5_000) >= (input.pollIntervalMs ?? 500), {
      path: ['maxPollIntervalMs'],
      error: 'maxPollIntervalMs must not be less than pollIntervalMs',
    }),
  )

export type WaitForOrderFinalParameters = z.input<typeof waitForOrderFinalParameters>
export type WaitForOrderFinalReturnType = Order

/**
 * True for a state an order does not leave by itself (refunds may still move a paid order on).
 *
 * @example
 * if (!isFinalOrder(order)) await waitForOrderFinal(client, { orderId: order.id })
 */
export const isFinalOrder = (order: Pick<Order, 'status'>): boolean =>
  finalOrderStatuses.includes(order.status)

/**
 * Polls an order until it is final (`succeeded`, `failed`, `closed`, `canceled`,
 * `partially_refunded`, `refunded`): the first wait is `pollIntervalMs`, doubling up to
 * `maxPollIntervalMs`, so a long wait costs few requests. Transient read failures are retried until
 * the deadline. Throws `timeout` after `timeoutMs` (the order may still complete: call again, never
 * create it again) and `aborted` when `options.signal` fires.
 *
 * @example
 * const order = await createOrder(client, { mode: 'qr', merchantOrderNo: 'A-1', amount: 100, description: 'Tea' })
 * const final = await waitForOrderFinal(client, { orderId: order.id, timeoutMs: 120_000 })
 */
export async function waitForOrderFinal(
  client: MerchantBaseClient,
  parameters: WaitForOrderFinalParameters,
  options: Pick<CallOptions, 'signal'> = {},
): Promise<WaitForOrderFinalReturnType> {
  const input = parseInput(waitForOrderFinalParameters, parameters)
  const { orderId } = input
  const timeoutMs = input.timeoutMs ?? 60_000
  const maxDelay = input.maxPollIntervalMs ?? 5_000
  let delay = input.pollIntervalMs ?? 500
  const started = Date.now()
  const { signal } = options
  let last: Order | undefined
  let polls = 0
  const aborted = (cause?: unknown) =>
    new AbortedError('aborted', `Stopped waiting for order ${orderId}: aborted by the caller.`, {
      hint: 'Call waitForOrderFinal again with the same orderId to resume.',
      details: { orderId, status: last?.status, polls },
      cause,
    })
  for (;;) {
    if (signal?.aborted) throw aborted(signal.reason)
    try {
      polls++
      last = await getOrder(
        client,
        { orderId },
        { signal, timeoutMs: Math.max(1, timeoutMs - (Date.now() - started)) },
      )
      if (isFinalOrder(last)) return last
    } catch (error) {
      if (signal?.aborted) throw aborted(error)
      if (!(error instanceof EcnyError) || !error.retryable) throw error
    }
    const remaining = timeoutMs - (Date.now() - started)
    if (remaining <= 0) {
      throw new TimeoutError(
        'timeout',
        `Order ${orderId} is still ${last?.status ?? 'unread'} after ${timeoutMs} ms of waiting.`,
        {
          hint: 'It may still complete: wait again or rely on the notification; do not create it again.',
          details: { orderId, status: last?.status, polls, timeoutMs },
        },
      )
    }
    try {
      await sleep(Math.min(delay, remaining), signal)
    } catch (cause) {
      throw aborted(cause)
    }
    delay = Math.min(delay * 2, maxDelay)
  }
}
