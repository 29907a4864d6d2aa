import {
  type ClaimRewardParameters,
  type ClaimRewardReturnType,
  claimReward,
} from '../actions/campaigns/claimReward.js'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import { ecnyQueryKey, type ScopeKeyParameter } from './queryKey.js'

/**
 * Mutation options for {@link claimReward}: `{ mutationKey, mutationFn }` for TanStack Query's
 * `useMutation` or any other runner. One idempotency key per call, reused on the transport's retries: a claim is never made twice.
 *
 * @example
 * const { mutationFn } = claimRewardMutationOptions(client)
 * const result = await mutationFn(parameters)
 */
export function claimRewardMutationOptions(client: EcnyBaseClient, parameters: ScopeKeyParameter = {}) {
  return {
    mutationKey: ecnyQueryKey('claimReward', { baseUrl: client.baseUrl, scopeKey: parameters.scopeKey }),
    mutationFn: (variables: ClaimRewardParameters): Promise<ClaimRewardReturnType> =>
      claimReward(client, variables),
  }
}
