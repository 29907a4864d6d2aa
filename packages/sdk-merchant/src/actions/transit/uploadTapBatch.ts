import { operations } from '@ecny/protocol'
import {
  type CallOptions,
  type ConflictError,
  type NotFoundError,
  positiveFenSchema,
  type RequestErrorType,
  type ResultUnknownError,
  type TapBatch,
  walletIdSchema,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId } from '../../internal/inputs.js'

/** Taps per request. Larger uploads are split into batches of this size, sent one after another. */
export const maxTapBatchSize = 500

const tap = z.object({
  /** The hardware wallet that tapped. */
  walletId: walletIdSchema,
  /** The wallet's offline transaction counter: with `walletId`, identifies the tap for de-duplication. */
  counter: z
    .number({ error: 'counter must be a number' })
    .check(
      z.int({ error: 'counter must be a whole number' }),
      z.minimum(0, { error: 'counter must not be negative' }),
    ),
  /** The fare in fen; offline payments are capped at ¥500 (50 000 fen). */
  amount: positiveFenSchema.check(
    z.maximum(50_000, { error: 'amount must be at most 50000 fen (¥500), the offline cap' }),
  ),
  /** When the gate read the wallet: ISO 8601 with offset. */
  tappedAt: z.iso.datetime({
    offset: true,
    error: 'tappedAt must be an ISO 8601 time with offset, e.g. 2025-01-01T08:30:00+08:00',
  }),
  /** The gate's device id. */
  gateId: z
    .string({ error: 'gateId must be a string' })
    .check(z.regex(/^[A-Za-z0-9_-]{1,32}$/, { error: 'gateId must be 1–32 letters, digits, _ or -' })),
})

const uploadTapBatchParameters = z.object({
  /** A `transit` scene with offline taps enabled. */
  sceneId: gatewayId('sceneId'),
  taps: z.array(tap).check(z.minLength(1, { error: 'taps must contain at least one tap' })),
  /** Taps per request, 1–500. Default 500. */
  batchSize: z.optional(
    z
      .number()
      .check(
        z.int(),
        z.minimum(1, { error: 'batchSize must be at least 1' }),
        z.maximum(maxTapBatchSize, { error: `batchSize must be at most ${maxTapBatchSize}` }),
      ),
  ),
})

export type TapInput = z.input<typeof tap>
export type UploadTapBatchParameters = z.input<typeof uploadTapBatchParameters>
export type TapResult = TapBatch['results'][number]
export type UploadTapBatchReturnType = {
  /** The gateway's batches, one per request. */
  batches: TapBatch[]
  /** One result per tap, in the order given: `debited`, `duplicate` (seen before) or `failed`. */
  results: TapResult[]
  totals: TapBatch['totals']
}

/** What uploadTapBatch can throw: see each code in docs/errors.md. */
export type UploadTapBatchErrorType = NotFoundError | ConflictError | ResultUnknownError | RequestErrorType

/**
 * Uploads offline hardware-wallet taps from transit gates for deferred debit: the gate opened when
 * the wallet tapped, and the fare is debited now. Each tap gets a result: `debited` (with the
 * `orderId` of its payment), `duplicate` (the same wallet and counter was uploaded before, so it is
 * never charged twice — re-uploading after a crash is safe) or `failed` (with `failureCode`, e.g.
 * `insufficient_funds`; pursue it out of band). Every tap is validated before anything is sent, then
 * the list is sent in batches of at most {@link maxTapBatchSize}.
 *
 * @example
 * const { results, totals } = await uploadTapBatch(client, { sceneId, taps: gateLog })
 * for (const r of results) if (r.status === 'failed') flag(r.walletId, r.failureCode)
 */
export async function uploadTapBatch(
  client: MerchantBaseClient,
  parameters: UploadTapBatchParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<UploadTapBatchReturnType> {
  const input = parseInput(uploadTapBatchParameters, parameters, 'tap batch')
  const size = input.batchSize ?? maxTapBatchSize
  const batches: TapBatch[] = []
  for (let start = 0; start < input.taps.length; start += size) {
    batches.push(
      await client.request({
        ...fromOperation(operations.uploadTapBatch),
        body: { sceneId: input.sceneId, taps: input.taps.slice(start, start + size) },
        ...options,
      }),
    )
  }
  const totals = { debited: 0, debitedCount: 0, duplicates: 0, failed: 0 }
  for (const batch of batches) {
    totals.debited += batch.totals.debited
    totals.debitedCount += batch.totals.debitedCount
    totals.duplicates += batch.totals.duplicates
    totals.failed += batch.totals.failed
  }
  return { batches, results: batches.flatMap((batch) => batch.results), totals }
}
