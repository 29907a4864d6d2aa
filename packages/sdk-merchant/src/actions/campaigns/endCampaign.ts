import { operations } from '@ecny/protocol'
import type { CallOptions, Campaign, ConflictError, NotFoundError, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { campaignIdSchema } from './campaignInputs.js'

const endCampaignParameters = z.object({ campaignId: campaignIdSchema })

export type EndCampaignParameters = z.input<typeof endCampaignParameters>
export type EndCampaignReturnType = Campaign
/** What endCampaign can throw: see each code in docs/errors.md. */
export type EndCampaignErrorType = NotFoundError | ConflictError | RequestErrorType

/**
 * Ends a campaign now: held benefits expire, undrawn lottery entries lose, and the rest of the budget goes back to the organiser's wallet. Final.
 * `invalid_state` when the campaign's status does not allow it.
 *
 * @example
 * const updated = await endCampaign(client, { campaignId })
 */
export async function endCampaign(
  client: MerchantBaseClient,
  parameters: EndCampaignParameters,
  options: CallOptions = {},
): Promise<EndCampaignReturnType> {
  const { campaignId } = parseInput(endCampaignParameters, parameters)
  return client.request({
    ...fromOperation(operations.endCampaign, { id: campaignId }),
    body: {},
    ...options,
  })
}
