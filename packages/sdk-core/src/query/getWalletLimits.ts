import {
  type GetWalletLimitsParameters,
  type GetWalletLimitsReturnType,
  getWalletLimits,
} from '../actions/wallets/getWalletLimits.js'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import { ecnyQueryKey, type QueryFunctionContext, type ScopeKeyParameter } from './queryKey.js'

export type GetWalletLimitsQueryParameters = Partial<GetWalletLimitsParameters> & ScopeKeyParameter

/** The cache key of {@link getWalletLimits}: plain data, scoped by gateway URL, wallet and `scopeKey`. */
export function getWalletLimitsQueryKey(parameters: GetWalletLimitsQueryParameters & { baseUrl: string }) {
  const { baseUrl, scopeKey, walletId } = parameters
  return ecnyQueryKey('getWalletLimits', { baseUrl, scopeKey, walletId })
}

/**
 * Query options for {@link getWalletLimits}: `{ queryKey, queryFn }` for TanStack Query or any cache. Disabled
 * until `walletId` is known.
 *
 * @example
 * const options = getWalletLimitsQueryOptions(client, { walletId })
 * const limits = await queryClient.fetchQuery(options)
 */
export function getWalletLimitsQueryOptions(
  client: EcnyBaseClient,
  parameters: GetWalletLimitsQueryParameters,
) {
  const { scopeKey: _, ...actionParameters } = parameters
  return {
    queryKey: getWalletLimitsQueryKey({ ...parameters, baseUrl: client.baseUrl }),
    queryFn: ({ signal }: QueryFunctionContext): Promise<GetWalletLimitsReturnType> =>
      getWalletLimits(client, actionParameters as GetWalletLimitsParameters, { signal }),
    enabled: parameters.walletId !== undefined,
    retry: false,
  }
}
