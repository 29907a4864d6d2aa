import { campaignClaimStatuses, operations } from '@ecny/protocol'
import type { CallOptions, CampaignClaim, NotFoundError, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId } from '../../internal/inputs.js'
import { campaignIdSchema, pageShape } from './campaignInputs.js'

const listCampaignClaimsParameters = z.object({
  campaignId: campaignIdSchema,
  walletId: z.optional(gatewayId('walletId')),
  status: z.optional(
    z.enum(campaignClaimStatuses, { error: `status must be one of ${campaignClaimStatuses.join(', ')}` }),
  ),
  ...pageShape,
})

export type ListCampaignClaimsParameters = z.input<typeof listCampaignClaimsParameters>
export type ListCampaignClaimsReturnType = {
  /**
   * `returnedFrom`: a red envelope a refund gave back to its holder, and the claim it came from;
   * `rebate`: a 满减 rebate's payout (`pending` until `dueAt`, `paid`, or `cancelled` by a refund).
   */
  data: Array<CampaignClaim & { returnedFrom?: string | null }>
  nextCursor: string | null
}
/** What listCampaignClaims can throw: see each code in docs/errors.md. */
export type ListCampaignClaimsErrorType = NotFoundError | RequestErrorType

/**
 * Lists a campaign's claims (benefits and lottery entries), newest first, a page at a time;
 * filter by wallet or status.
 *
 * @example
 * const { data } = await listCampaignClaims(client, { campaignId, status: 'redeemed', limit: 100 })
 */
export async function listCampaignClaims(
  client: MerchantBaseClient,
  parameters: ListCampaignClaimsParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<ListCampaignClaimsReturnType> {
  const { campaignId, ...query } = parseInput(listCampaignClaimsParameters, parameters)
  return client.request({
    ...fromOperation(operations.listClaims, { id: campaignId }),
    query,
    ...options,
  })
}
