import {
  type OpenWalletParameters,
  type OpenWalletReturnType,
  openWallet,
} from '../actions/wallets/openWallet.js'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import { ecnyQueryKey, type ScopeKeyParameter } from './queryKey.js'

/**
 * Mutation options for {@link openWallet}: `{ mutationKey, mutationFn }` for TanStack Query's
 * `useMutation` or any other runner. Inputs are checked before anything is sent.
 *
 * @example
 * const { mutationFn } = openWalletMutationOptions(client)
 * const result = await mutationFn(parameters)
 */
export function openWalletMutationOptions(client: EcnyBaseClient, parameters: ScopeKeyParameter = {}) {
  return {
    mutationKey: ecnyQueryKey('openWallet', { baseUrl: client.baseUrl, scopeKey: parameters.scopeKey }),
    mutationFn: (variables: OpenWalletParameters): Promise<OpenWalletReturnType> =>
      openWallet(client, variables),
  }
}
