import { operations } from '@ecny/protocol'
import type { CallOptions, Campaign, ConflictError, NotFoundError, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { campaignIdSchema } from './campaignInputs.js'

const scheduleCampaignParameters = z.object({ campaignId: campaignIdSchema })

export type ScheduleCampaignParameters = z.input<typeof scheduleCampaignParameters>
export type ScheduleCampaignReturnType = Campaign
/** What scheduleCampaign can throw: see each code in docs/errors.md. */
export type ScheduleCampaignErrorType = NotFoundError | ConflictError | RequestErrorType

/**
 * Schedules a draft: it becomes active at validity.from (at once if that has passed), when its budget is funded from the organiser's wallet (422 `insufficient_funds` if it cannot be). It ends by itself at validity.to.
 * `invalid_state` when the campaign's status does not allow it.
 *
 * @example
 * const updated = await scheduleCampaign(client, { campaignId })
 */
export async function scheduleCampaign(
  client: MerchantBaseClient,
  parameters: ScheduleCampaignParameters,
  options: CallOptions = {},
): Promise<ScheduleCampaignReturnType> {
  const { campaignId } = parseInput(scheduleCampaignParameters, parameters)
  return client.request({
    ...fromOperation(operations.scheduleCampaign, { id: campaignId }),
    body: {},
    ...options,
  })
}
