import { type CallOptions, EcnyError, type Order, type RequestErrorType } from '@ecny/sdk-core'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import type { InFlightCreate, UnresolvedCreatesQuery } from './inFlightCreateStore.js'
import { type ResolveUnknownOutcomeParameters, resolveUnknownOutcome } from './resolveUnknownOutcome.js'

export type RecoverInFlightCreatesParameters = UnresolvedCreatesQuery &
  Pick<
    ResolveUnknownOutcomeParameters,
    'closeIfUnpaid' | 'maxAttempts' | 'pollIntervalMs' | 'maxPollIntervalMs'
  >

/**
 * What became of one in-flight create:
 * - `not_found`: the gateway never made it (struck out). To take the payment, create it again with
 *   the **same** number: `createOrder(client, create.request)`.
 * - `final` / `closed`: it exists and is final (struck out): `order` says how it ended.
 * - `pending`: it exists but is not final yet (kept, for the next run).
 * - `unreachable`: no query got an answer (kept); `error` is the `result_unknown`.
 */
export type RecoveredCreate =
  | { create: InFlightCreate; outcome: 'not_found'; order: null }
  | { create: InFlightCreate; outcome: 'final' | 'closed' | 'pending'; order: Order }
  | { create: InFlightCreate; outcome: 'unreachable'; order: null; error: EcnyError }

export type RecoverInFlightCreatesReturnType = RecoveredCreate[]
/**
 * What recoverInFlightCreates can throw (see each code in docs/errors.md): a definite error of a
 * query or close; an unreachable gateway is an `unreachable` result instead, not an error.
 */
export type RecoverInFlightCreatesErrorType = RequestErrorType

/**
 * The recovery job for creates that ended in `result_unknown` or in a crash: settles each create the
 * client's `inFlightCreates` store holds (oldest first, those started before `startedBefore`) with
 * {@link resolveUnknownOutcome} — by its merchant order number, never a new one — and strikes out
 * every one that is settled. Run it at start-up and every minute or so, on any instance that shares
 * the store. An error other than an unreachable gateway stops the run (the rest stay recorded).
 *
 * @example
 * for (const r of await recoverInFlightCreates(client, { startedBefore: Date.now() - 60_000 })) {
 *   if (r.outcome === 'not_found' && r.create.request) await createOrder(client, r.create.request as never)
 * }
 */
export async function recoverInFlightCreates(
  client: MerchantBaseClient,
  parameters: RecoverInFlightCreatesParameters = {},
  options: Pick<CallOptions, 'signal'> = {},
): Promise<RecoverInFlightCreatesReturnType> {
  const { startedBefore, limit, ...resolveOptions } = parameters
  if (!client.inFlightCreates) return []
  const creates = await client.inFlightCreates.unresolved({
    ...(startedBefore !== undefined && { startedBefore }),
    ...(limit !== undefined && { limit }),
  })
  const recovered: RecoveredCreate[] = []
  for (const create of creates) {
    try {
      const settled = await resolveUnknownOutcome(
        client,
        {
          merchantOrderNo: create.merchantOrderNo,
          ...(create.merchantId !== undefined && { merchantId: create.merchantId }),
          ...resolveOptions,
        },
        options,
      )
      recovered.push({ create, outcome: settled.outcome, order: settled.order } as RecoveredCreate)
    } catch (error) {
      if (!(error instanceof EcnyError) || error.code !== 'result_unknown') throw error
      recovered.push({ create, outcome: 'unreachable', order: null, error })
    }
  }
  return recovered
}
