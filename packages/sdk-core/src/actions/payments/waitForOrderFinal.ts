import type { Order, OrderStatus } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import { AbortedError, EcnyError, TimeoutError } from '../../errors/EcnyError.js'
import { sleep } from '../../transport/backoff.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { gatewayId } from '../inputs.js'
import { getOrder } from './getOrder.js'
import { isFinalOrder } from './isFinalOrder.js'

const ms = (field: string, minimum: number) =>
  z.optional(
    z
      .number({ error: `${field} must be a number of milliseconds` })
      .check(
        z.int({ error: `${field} must be a whole number of milliseconds` }),
        z.minimum(minimum, { error: `${field} must be at least ${minimum} ms` }),
      ),
  )

const waitForOrderFinalParameters = z
  .object({
    orderId: gatewayId('orderId'),
    /** Give up after this long in total. Default 60 000 ms. */
    timeoutMs: ms('timeoutMs', 1),
    /** First wait between polls; it doubles after each poll. Default 500 ms. */
    pollIntervalMs: ms('pollIntervalMs', 1),
    /** The longest wait between polls. Default 5 000 ms. */
    maxPollIntervalMs: ms('maxPollIntervalMs', 1),
  })
  .check(
    z.refine((input) => (input.maxPollIntervalMs ?? 5_000) >= (input.pollIntervalMs ?? 500), {
      path: ['maxPollIntervalMs'],
      error: 'must not be less than pollIntervalMs',
    }),
  )

export type WaitForOrderFinalParameters = z.input<typeof waitForOrderFinalParameters>
export type WaitForOrderFinalReturnType = Order
export type WaitForOrderFinalErrorType = TimeoutError | AbortedError | EcnyError

/**
 * Polls an order until it is final (`succeeded`, `failed`, `closed`, `canceled`,
 * `partially_refunded`, `refunded`), waiting `pollIntervalMs` first and doubling up to
 * `maxPollIntervalMs`, so the number of polls stays small. The wallet side uses it to settle a
 * `result_unknown` from `payOrder`; the merchant side to wait for a QR, payment-code or sub-wallet
 * order to complete. Time is measured on a monotonic clock.
 *
 * Throws `timeout` after `timeoutMs` in total, saying the order is still pending (it may yet
 * complete: call again, never pay or create it twice), and `aborted` when `options.signal` fires.
 * Transient read failures are retried until the deadline.
 *
 * @example
 * try {
 *   await payOrder(client, { orderId, walletId })
 * } catch (error) {
 *   if (!(error instanceof EcnyError) || error.code !== 'result_unknown') throw error
 *   const order = await waitForOrderFinal(client, { orderId, timeoutMs: 30_000 })
 *   if (order.status === 'succeeded') showReceipt(order)
 * }
 */
export async function waitForOrderFinal(
  client: EcnyBaseClient,
  parameters: WaitForOrderFinalParameters,
  options: Pick<CallOptions, 'signal'> = {},
): Promise<WaitForOrderFinalReturnType> {
  const input = parseInput(waitForOrderFinalParameters, parameters)
  const { orderId } = input
  const timeoutMs = input.timeoutMs ?? 60_000
  const maxDelay = input.maxPollIntervalMs ?? 5_000
  let delay = input.pollIntervalMs ?? 500
  // A monotonic clock: a device clock change (or a frozen Date in tests) cannot stretch the wait.
  const started = performance.now()
  const signal = options.signal
  let status: OrderStatus | undefined
  let polls = 0

  const aborted = (cause?: unknown) =>
    new AbortedError('aborted', `Stopped waiting for order ${orderId}: aborted by the caller.`, {
      hint: `The order was last seen ${status ?? 'unread'}. Call waitForOrderFinal with the same orderId to resume.`,
      details: { orderId, status, polls },
      cause,
    })

  for (;;) {
    if (signal?.aborted) throw aborted(signal.reason)
    const remainingBefore = timeoutMs - (performance.now() - started)
    try {
      polls++
      const order = await getOrder(client, { orderId }, { signal, timeoutMs: Math.max(1, remainingBefore) })
      status = order.status
      if (isFinalOrder(order)) return order
    } catch (error) {
      if (signal?.aborted) throw aborted(error)
      if (!(error instanceof EcnyError) || !error.retryable) throw error
    }
    const remaining = timeoutMs - (performance.now() - started)
    if (remaining <= 0) {
      const notTaken =
        status === 'created'
          ? ' The order is still unpaid: if a payOrder call ended in result_unknown, its payment was not taken; retry it with the same idempotencyKey.'
          : ''
      throw new TimeoutError(
        'timeout',
        `Order ${orderId} is still pending (status ${status ?? 'unknown'}) after ${timeoutMs} ms of waiting.`,
        {
          hint: `It may still complete. Resume with waitForOrderFinal(client, { orderId: '${orderId}' }), check getOrder later or rely on the notification; do not pay it again or create it again.${notTaken}`,
          details: { orderId, status, polls, timeoutMs },
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

/** The wallet side's name for {@link waitForOrderFinal} (`client.payments.waitForFinal`). */
export const waitForFinal = waitForOrderFinal
export type WaitForFinalParameters = WaitForOrderFinalParameters
export type WaitForFinalReturnType = WaitForOrderFinalReturnType
export type WaitForFinalErrorType = WaitForOrderFinalErrorType
