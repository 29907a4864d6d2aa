import type { PaymentCode } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { NotFoundError } from '../../errors/EcnyError.js'
import { createEcnyError, EcnyError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { paymentCodeRefreshDelay } from '../../query/createPaymentCode.js'
import { sleep } from '../../transport/backoff.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { walletIdSchema } from '../inputs.js'
import { createPaymentCode } from './createPaymentCode.js'

const callback = (name: string) =>
  z.custom<(value: never) => void>((value) => typeof value === 'function', {
    error: `${name} must be a function`,
  })

const watchPaymentCodeParameters = z.object({
  walletId: walletIdSchema,
  onCode: callback('onCode'),
  onError: z.optional(callback('onError')),
  refreshBeforeMs: z.optional(z.number().check(z.int(), z.minimum(0))),
  retryDelayMs: z.optional(z.number().check(z.int(), z.minimum(100))),
})

export type WatchPaymentCodeParameters = {
  walletId: string
  /** Called with each new code; show it in place of the previous one. */
  onCode: (code: PaymentCode) => void
  /** Called when creating a code fails. Retryable failures are retried; others stop the watch. */
  onError?: (error: EcnyError) => void
  /** How long before a code expires to replace it. Default 10 000 ms. */
  refreshBeforeMs?: number
  /** Wait after a retryable failure before trying again. Default 5 000 ms. */
  retryDelayMs?: number
}
/** Stops the watch; the code on screen is left to expire. */
export type WatchPaymentCodeReturnType = () => void
/** What watchPaymentCode can throw: see each code in docs/errors.md. */
export type WatchPaymentCodeErrorType = NotFoundError | RequestErrorType

/**
 * Keeps a fresh payment code available: creates one, then replaces it `refreshBeforeMs` before it
 * expires, until you call the returned function (or `options.signal` aborts). Refresh times come
 * from each code's own lifetime (`expiresAt − createdAt`), so a skewed device clock does not matter.
 * A code that was used is replaced the same way; call `createPaymentCode` for one immediately.
 *
 * @example
 * const stop = watchPaymentCode(client, {
 *   walletId,
 *   onCode: (code) => render(code.code),
 *   onError: (error) => console.warn(error.shortMessage),
 * })
 * // when the screen closes:
 * stop()
 */
export function watchPaymentCode(
  client: EcnyBaseClient,
  parameters: WatchPaymentCodeParameters,
  options: Pick<CallOptions, 'signal' | 'timeoutMs' | 'maxRetries'> = {},
): WatchPaymentCodeReturnType {
  const input = parseInput(watchPaymentCodeParameters, parameters)
  const { walletId, onCode, onError } = parameters
  const refreshBeforeMs = input.refreshBeforeMs ?? 10_000
  const retryDelayMs = input.retryDelayMs ?? 5_000
  const stopper = new AbortController()
  const signal = options.signal ? AbortSignal.any([options.signal, stopper.signal]) : stopper.signal

  const loop = async () => {
    while (!signal.aborted) {
      let wait: number
      try {
        const code = await createPaymentCode(client, { walletId }, { ...options, signal })
        if (signal.aborted) return
        onCode(code)
        wait = paymentCodeRefreshDelay(code, refreshBeforeMs)
      } catch (cause) {
        if (signal.aborted) return
        const error =
          cause instanceof EcnyError
            ? cause
            : createEcnyError('invalid_response', 'Creating a payment code failed unexpectedly.', { cause })
        onError?.(error)
        if (!error.retryable) return
        wait = retryDelayMs
      }
      await sleep(wait, signal).catch(() => undefined)
    }
  }
  void loop()
  return () => stopper.abort()
}
