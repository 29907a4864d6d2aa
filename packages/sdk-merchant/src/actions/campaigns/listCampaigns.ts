import { campaignStatuses, operations } from '@ecny/protocol'
import type { CallOptions, Campaign, NotFoundError, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { pageShape } from './campaignInputs.js'

const listCampaignsParameters = z.object({
  status: z.optional(
    z.enum(campaignStatuses, { error: `status must be one of ${campaignStatuses.join(', ')}` }),
  ),
  ...pageShape,
})

export type ListCampaignsParameters = z.input<typeof listCampaignsParameters>
export type ListCampaignsReturnType = { data: Campaign[]; nextCursor: string | null }
/** What listCampaigns can throw: see each code in docs/errors.md. */
export type ListCampaignsErrorType = NotFoundError | RequestErrorType

/**
 * Lists campaigns, newest first, one page at a time (pass `nextCursor` back as `cursor`).
 *
 * @example
 * const { data: running } = await listCampaigns(client, { status: 'active' })
 */
export async function listCampaigns(
  client: MerchantBaseClient,
  parameters: ListCampaignsParameters = {},
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<ListCampaignsReturnType> {
  const query = parseInput(listCampaignsParameters, parameters)
  return client.request({ ...fromOperation(operations.listCampaigns), query, ...options })
}
