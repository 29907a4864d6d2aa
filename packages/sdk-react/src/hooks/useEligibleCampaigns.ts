'use client'
import {
  type ListEligibleCampaignsQueryParameters,
  type ListEligibleCampaignsReturnType,
  listEligibleCampaignsQueryOptions,
} from '@ecny/sdk-core'
import { useEcnyContext } from '../useEcnyClient.js'
import { type QueryParameter, useEcnyQuery } from './queryParameter.js'

export type UseEligibleCampaignsParameters = ListEligibleCampaignsQueryParameters &
  QueryParameter<ListEligibleCampaignsReturnType>

/** Campaigns the wallet may take part in now. Docs: https://ecny-sdk.dev/docs/react#useeligiblecampaigns */
export function useEligibleCampaigns(parameters: UseEligibleCampaignsParameters = {}) {
  const { client, scopeKey } = useEcnyContext()
  const { query, ...rest } = parameters
  return useEcnyQuery(listEligibleCampaignsQueryOptions(client, { scopeKey, ...rest }), query)
}
