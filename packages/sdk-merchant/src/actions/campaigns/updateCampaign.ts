import { operations } from '@ecny/protocol'
import type {
  CallOptions,
  Campaign,
  CampaignRuleInput,
  ConflictError,
  NotFoundError,
  RequestErrorType,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId } from '../../internal/inputs.js'
import { campaignIdSchema, checkAudience, checkRule } from './campaignInputs.js'
import { getCampaign } from './getCampaign.js'

const updateCampaignParameters = z.object({
  campaignId: campaignIdSchema,
  rule: z.optional(z.record(z.string(), z.unknown())),
  organiserWalletId: z.optional(gatewayId('organiserWalletId')),
})

export type UpdateCampaignParameters = {
  campaignId: string
  /** Rule fields to change; `null` removes an optional field (e.g. `audience: null`: everyone). */
  rule?: { [K in keyof CampaignRuleInput]?: CampaignRuleInput[K] | null } & Record<string, unknown>
  organiserWalletId?: string
}
export type UpdateCampaignReturnType = Campaign
/** What updateCampaign can throw: see each code in docs/errors.md. */
export type UpdateCampaignErrorType = NotFoundError | ConflictError | RequestErrorType

/**
 * Changes a draft or scheduled campaign (`invalid_state` once it has started). The SDK reads the
 * campaign, merges your changes into its rule and validates the result locally (audience syntax
 * with its column, every field) before sending only the changes.
 *
 * @example
 * await updateCampaign(client, { campaignId, rule: { budget: { amount: 2_000_000 }, audience: 'payroll' } })
 */
export async function updateCampaign(
  client: MerchantBaseClient,
  parameters: UpdateCampaignParameters,
  options: CallOptions = {},
): Promise<UpdateCampaignReturnType> {
  const input = parseInput(updateCampaignParameters, parameters, 'campaign update')
  if (input.rule) {
    checkAudience(input.rule.audience)
    const readOptions = {
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      maxRetries: options.maxRetries,
    }
    const current = await getCampaign(client, { campaignId: input.campaignId }, readOptions)
    const merged: Record<string, unknown> = { ...current.rule }
    for (const [key, value] of Object.entries(input.rule)) {
      if (value === null) delete merged[key]
      else merged[key] = value
    }
    checkRule(merged)
  }
  return client.request({
    ...fromOperation(operations.updateCampaign, { id: input.campaignId }),
    body: {
      ...(input.rule && { rule: input.rule }),
      ...(input.organiserWalletId !== undefined && { organiserWalletId: input.organiserWalletId }),
    },
    ...options,
  })
}
