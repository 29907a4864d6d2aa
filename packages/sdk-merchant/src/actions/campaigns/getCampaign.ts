import { operations } from '@ecny/protocol'
import type { CallOptions, Campaign, NotFoundError, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { campaignIdSchema } from './campaignInputs.js'

const getCampaignParameters = z.object({ campaignId: campaignIdSchema })

export type GetCampaignParameters = z.input<typeof getCampaignParameters>
export type GetCampaignReturnType = Campaign
/** What getCampaign can throw: see each code in docs/errors.md. */
export type GetCampaignErrorType = NotFoundError | RequestErrorType

/**
 * Reads a campaign: its rule, status (`draft`, `scheduled`, `active`, `paused`, `ended`) and budget.
 *
 * @example
 * const { status, budget } = await getCampaign(client, { campaignId })
 */
export async function getCampaign(
  client: MerchantBaseClient,
  parameters: GetCampaignParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<GetCampaignReturnType> {
  const { campaignId } = parseInput(getCampaignParameters, parameters)
  return client.request({
    ...fromOperation(operations.getCampaign, { id: campaignId }),
    ...options,
  })
}
