import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import type { InFlightCreate, UnresolvedCreatesQuery } from './inFlightCreateStore.js'

export type ListInFlightCreatesParameters = UnresolvedCreatesQuery
export type ListInFlightCreatesReturnType = readonly InFlightCreate[]
/** What listInFlightCreates can throw: only what the store throws (nothing is sent to the gateway). */
export type ListInFlightCreatesErrorType = Error

/**
 * The creates the client's `inFlightCreates` store holds: sent, with no final answer yet (they
 * ended in `result_unknown`, or the process died), oldest first. Empty when the client records none.
 *
 * @example
 * const stuck = await listInFlightCreates(client, { startedBefore: Date.now() - 60_000 })
 */
export async function listInFlightCreates(
  client: MerchantBaseClient,
  parameters: ListInFlightCreatesParameters = {},
): Promise<ListInFlightCreatesReturnType> {
  return client.inFlightCreates ? await client.inFlightCreates.unresolved(parameters) : []
}
