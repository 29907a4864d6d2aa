import {
  type ListEligibleCampaignsParameters,
  type ListEligibleCampaignsReturnType,
  listEligibleCampaigns,
} from '../actions/campaigns/listEligibleCampaigns.js'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import { ecnyQueryKey, type QueryFunctionContext, type ScopeKeyParameter } from './queryKey.js'

export type ListEligibleCampaignsQueryParameters = Partial<ListEligibleCampaignsParameters> &
  ScopeKeyParameter

/** The cache key of {@link listEligibleCampaigns}: plain data, scoped by gateway URL, wallet and `scopeKey`. */
export function listEligibleCampaignsQueryKey(
  parameters: ListEligibleCampaignsQueryParameters & { baseUrl: string },
) {
  const { baseUrl, scopeKey, walletId } = parameters
  return ecnyQueryKey('listEligibleCampaigns', { baseUrl, scopeKey, walletId })
}

/**
 * Query options for {@link listEligibleCampaigns}: `{ queryKey, queryFn }` for TanStack Query or any cache. Disabled
 * until `walletId` is known.
 *
 * @example
 * const options = listEligibleCampaignsQueryOptions(client, { walletId })
 * const campaigns = await queryClient.fetchQuery(options)
 */
export function listEligibleCampaignsQueryOptions(
  client: EcnyBaseClient,
  parameters: ListEligibleCampaignsQueryParameters,
) {
  const { scopeKey: _, ...actionParameters } = parameters
  return {
    queryKey: listEligibleCampaignsQueryKey({ ...parameters, baseUrl: client.baseUrl }),
    queryFn: ({ signal }: QueryFunctionContext): Promise<ListEligibleCampaignsReturnType> =>
      listEligibleCampaigns(client, actionParameters as ListEligibleCampaignsParameters, { signal }),
    enabled: parameters.walletId !== undefined,
    retry: false,
  }
}
