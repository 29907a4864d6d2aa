import type { QrResolution } from '@ecny/protocol'
import { operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { NotFoundError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'

const resolveQrParameters = z.object({
  /** The text of the scanned QR code. */
  payload: z
    .string({ error: 'payload must be the scanned QR text' })
    .check(
      z.minLength(1, { error: 'payload must not be empty' }),
      z.maxLength(512, { error: 'payload must be at most 512 characters' }),
    ),
})

export type ResolveQrParameters = z.input<typeof resolveQrParameters>
export type ResolveQrReturnType = QrResolution
/** What resolveQr can throw: see each code in docs/errors.md. */
export type ResolveQrErrorType = NotFoundError | RequestErrorType

/**
 * Turns a scanned merchant QR code (主扫) into the order it stands for: merchant name, amount and
 * description to show the holder before they confirm with `payOrder`.
 *
 * @example
 * const order = await resolveQr(client, { payload: scannedText })
 * confirm(`Pay ${formatYuan(order.amount)} to ${order.merchantName}?`)
 * await payOrder(client, { orderId: order.orderId, walletId, amount: order.amount })
 */
export async function resolveQr(
  client: EcnyBaseClient,
  parameters: ResolveQrParameters,
  options: CallOptions = {},
): Promise<ResolveQrReturnType> {
  const body = parseInput(resolveQrParameters, parameters)
  // A lookup: safe to repeat, so it always carries an idempotency key and is retried.
  return client.request({ ...fromOperation(operations.resolveQr), body, ...options })
}
