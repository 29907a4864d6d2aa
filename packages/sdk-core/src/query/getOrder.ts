import { type GetOrderParameters, type GetOrderReturnType, getOrder } from '../actions/payments/getOrder.js'
import { isFinalOrder } from '../actions/payments/isFinalOrder.js'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import {
  ecnyQueryKey,
  failedPermanently,
  type QueryFunctionContext,
  type QueryStateLike,
  type ScopeKeyParameter,
} from './queryKey.js'

export type GetOrderQueryParameters = Partial<GetOrderParameters> &
  ScopeKeyParameter & {
    /**
     * Poll every this many ms until the order is final (`succeeded`, `failed`, `closed`, …);
     * `false` reads once. Default 2 000.
     */
    pollIntervalMs?: number | false | undefined
  }

/** The cache key of {@link getOrder}: plain data, scoped by gateway URL, order and `scopeKey`. */
export function getOrderQueryKey(parameters: GetOrderQueryParameters & { baseUrl: string }) {
  const { baseUrl, scopeKey, orderId } = parameters
  return ecnyQueryKey('getOrder', { baseUrl, scopeKey, orderId })
}

/**
 * Query options for {@link getOrder} that keep polling until the order is final:
 * `refetchInterval` returns `false` once the status is final or a read failed for good, so a
 * checkout page stops asking as soon as there is nothing left to learn.
 *
 * @example
 * const options = getOrderQueryOptions(client, { orderId, pollIntervalMs: 1_000 })
 * useQuery(options) // in React: polls, then stops at succeeded / failed / closed
 */
export function getOrderQueryOptions(client: EcnyBaseClient, parameters: GetOrderQueryParameters) {
  const { scopeKey: _, pollIntervalMs = 2_000, ...actionParameters } = parameters
  return {
    queryKey: getOrderQueryKey({ ...parameters, baseUrl: client.baseUrl }),
    queryFn: ({ signal }: QueryFunctionContext): Promise<GetOrderReturnType> =>
      getOrder(client, actionParameters as GetOrderParameters, { signal }),
    enabled: parameters.orderId !== undefined,
    retry: false,
    refetchInterval: (query: QueryStateLike<GetOrderReturnType>): number | false => {
      if (pollIntervalMs === false || isFinalOrder(query.state.data)) return false
      return failedPermanently(query.state.error) ? false : pollIntervalMs
    },
  }
}
