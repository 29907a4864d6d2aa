import { operations } from '@ecny/protocol'
import type { CallOptions, Campaign, ConflictError, NotFoundError, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { campaignIdSchema } from './campaignInputs.js'

const resumeCampaignParameters = z.object({ campaignId: campaignIdSchema })

export type ResumeCampaignParameters = z.input<typeof resumeCampaignParameters>
export type ResumeCampaignReturnType = Campaign
/** What resumeCampaign can throw: see each code in docs/errors.md. */
export type ResumeCampaignErrorType = NotFoundError | ConflictError | RequestErrorType

/**
 * Resumes a paused campaign (it ends at once if its window has passed).
 * `invalid_state` when the campaign's status does not allow it.
 *
 * @example
 * const updated = await resumeCampaign(client, { campaignId })
 */
export async function resumeCampaign(
  client: MerchantBaseClient,
  parameters: ResumeCampaignParameters,
  options: CallOptions = {},
): Promise<ResumeCampaignReturnType> {
  const { campaignId } = parseInput(resumeCampaignParameters, parameters)
  return client.request({
    ...fromOperation(operations.resumeCampaign, { id: campaignId }),
    body: {},
    ...options,
  })
}
