import {
  type GetWalletParameters,
  type GetWalletReturnType,
  getWallet,
} from '../actions/wallets/getWallet.js'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import { ecnyQueryKey, type QueryFunctionContext, type ScopeKeyParameter } from './queryKey.js'

export type GetWalletQueryParameters = Partial<GetWalletParameters> & ScopeKeyParameter

/** The cache key of {@link getWallet}: plain data, scoped by gateway URL, wallet and `scopeKey`. */
export function getWalletQueryKey(parameters: GetWalletQueryParameters & { baseUrl: string }) {
  const { baseUrl, scopeKey, walletId } = parameters
  return ecnyQueryKey('getWallet', { baseUrl, scopeKey, walletId })
}

/**
 * Query options for {@link getWallet}: `{ queryKey, queryFn }` for TanStack Query or any cache. Disabled
 * until `walletId` is known.
 *
 * @example
 * const options = getWalletQueryOptions(client, { walletId })
 * const wallet = await queryClient.fetchQuery(options)
 */
export function getWalletQueryOptions(client: EcnyBaseClient, parameters: GetWalletQueryParameters) {
  const { scopeKey: _, ...actionParameters } = parameters
  return {
    queryKey: getWalletQueryKey({ ...parameters, baseUrl: client.baseUrl }),
    queryFn: ({ signal }: QueryFunctionContext): Promise<GetWalletReturnType> =>
      getWallet(client, actionParameters as GetWalletParameters, { signal }),
    enabled: parameters.walletId !== undefined,
    retry: false,
  }
}
