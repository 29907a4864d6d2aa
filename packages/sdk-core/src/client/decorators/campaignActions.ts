import {
  type ClaimRewardParameters,
  type ClaimRewardReturnType,
  claimReward,
} from '../../actions/campaigns/claimReward.js'
import {
  type ListEligibleCampaignsParameters,
  type ListEligibleCampaignsReturnType,
  listEligibleCampaigns,
} from '../../actions/campaigns/listEligibleCampaigns.js'
import type { CallOptions } from '../../transport/request.js'
import type { EcnyBaseClient } from '../createBaseClient.js'

export type CampaignActions = {
  campaigns: {
    /** Campaigns a wallet may join. See {@link listEligibleCampaigns}. */
    eligible: (
      parameters: ListEligibleCampaignsParameters,
      options?: Omit<CallOptions, 'idempotencyKey'>,
    ) => Promise<ListEligibleCampaignsReturnType>
    /** Claims a campaign benefit. See {@link claimReward}. */
    claim: (parameters: ClaimRewardParameters, options?: CallOptions) => Promise<ClaimRewardReturnType>
  }
}

/**
 * Binds the holder-side campaign actions to a client as `client.campaigns.*`.
 *
 * @example
 * const { campaigns } = campaignActions(createBaseClient(config))
 * const offers = await campaigns.eligible({ walletId })
 */
export function campaignActions(client: EcnyBaseClient): CampaignActions {
  return {
    campaigns: {
      eligible: (parameters, options) => listEligibleCampaigns(client, parameters, options),
      claim: (parameters, options) => claimReward(client, parameters, options),
    },
  }
}
