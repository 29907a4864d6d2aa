import { type EligibleCampaign, eligibleCampaign, operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { NotFoundError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import { paginate } from '../../transport/paginate.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { walletIdSchema } from '../inputs.js'

export { type EligibleCampaign, eligibleCampaign }

const listEligibleCampaignsParameters = z.object({ walletId: walletIdSchema })

export type ListEligibleCampaignsParameters = z.input<typeof listEligibleCampaignsParameters>
export type ListEligibleCampaignsReturnType = EligibleCampaign[]
/** What listEligibleCampaigns can throw: see each code in docs/errors.md. */
export type ListEligibleCampaignsErrorType = NotFoundError | RequestErrorType

/**
 * Campaigns the wallet may take part in now (its region, identity, tags and per-user caps allow
 * it), e.g. to offer a transfer reward or a voucher in the wallet app.
 *
 * @example
 * const campaigns = await listEligibleCampaigns(client, { walletId })
 * const transferReward = campaigns.find((campaign) => campaign.type === 'transfer_reward')
 */
export async function listEligibleCampaigns(
  client: EcnyBaseClient,
  parameters: ListEligibleCampaignsParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<ListEligibleCampaignsReturnType> {
  const { walletId } = parseInput(listEligibleCampaignsParameters, parameters)
  const all: EligibleCampaign[] = []
  const { path, operation, route } = fromOperation(operations.listEligibleCampaigns, { id: walletId })
  const pages = paginate(client, {
    path,
    operation,
    route,
    item: eligibleCampaign,
    ...options,
  })
  for await (const campaign of pages) all.push(campaign)
  return all
}
