import { operations } from '@ecny/protocol'
import type { CallOptions, Campaign, ConflictError, NotFoundError, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { campaignIdSchema } from './campaignInputs.js'

const pauseCampaignParameters = z.object({ campaignId: campaignIdSchema })

export type PauseCampaignParameters = z.input<typeof pauseCampaignParameters>
export type PauseCampaignReturnType = Campaign
/** What pauseCampaign can throw: see each code in docs/errors.md. */
export type PauseCampaignErrorType = NotFoundError | ConflictError | RequestErrorType

/**
 * Pauses an active campaign: no new claims, automatic discounts or transfer rewards until it resumes; benefits already held stay usable.
 * `invalid_state` when the campaign's status does not allow it.
 *
 * @example
 * const updated = await pauseCampaign(client, { campaignId })
 */
export async function pauseCampaign(
  client: MerchantBaseClient,
  parameters: PauseCampaignParameters,
  options: CallOptions = {},
): Promise<PauseCampaignReturnType> {
  const { campaignId } = parseInput(pauseCampaignParameters, parameters)
  return client.request({
    ...fromOperation(operations.pauseCampaign, { id: campaignId }),
    body: {},
    ...options,
  })
}
