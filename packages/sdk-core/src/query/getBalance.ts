import {
  type GetBalanceParameters,
  type GetBalanceReturnType,
  getBalance,
} from '../actions/wallets/getBalance.js'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import { ecnyQueryKey, type QueryFunctionContext, type ScopeKeyParameter } from './queryKey.js'

export type GetBalanceQueryParameters = Partial<GetBalanceParameters> & ScopeKeyParameter

/** The cache key of {@link getBalance}: plain data, scoped by gateway URL, wallet and `scopeKey`. */
export function getBalanceQueryKey(parameters: GetBalanceQueryParameters & { baseUrl: string }) {
  const { baseUrl, scopeKey, walletId } = parameters
  return ecnyQueryKey('getBalance', { baseUrl, scopeKey, walletId })
}

/**
 * Query options for {@link getBalance}: `{ queryKey, queryFn }` for TanStack Query or any cache. Disabled
 * until `walletId` is known.
 *
 * @example
 * const options = getBalanceQueryOptions(client, { walletId })
 * const balance = await queryClient.fetchQuery(options)
 */
export function getBalanceQueryOptions(client: EcnyBaseClient, parameters: GetBalanceQueryParameters) {
  const { scopeKey: _, ...actionParameters } = parameters
  return {
    queryKey: getBalanceQueryKey({ ...parameters, baseUrl: client.baseUrl }),
    queryFn: ({ signal }: QueryFunctionContext): Promise<GetBalanceReturnType> =>
      getBalance(client, actionParameters as GetBalanceParameters, { signal }),
    enabled: parameters.walletId !== undefined,
    retry: false,
  }
}
