import { operations } from '@ecny/protocol'
import type {
  CallOptions,
  Campaign,
  CampaignRuleInput,
  ConflictError,
  RequestErrorType,
  ResultUnknownError,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId } from '../../internal/inputs.js'
import { checkRule } from './campaignInputs.js'

const createCampaignParameters = z.object({
  /** The rule: `type` (`transfer_reward`, `PT01`…`PT07`), budget, validity, caps, audience… */
  rule: z.unknown(),
  /** The corporate (WT09) wallet that funds the budget when the campaign starts. */
  organiserWalletId: gatewayId('organiserWalletId'),
})

export type CreateCampaignParameters = { rule: CampaignRuleInput; organiserWalletId: string }
export type CreateCampaignReturnType = Campaign
/** What createCampaign can throw: see each code in docs/errors.md. */
export type CreateCampaignErrorType = ConflictError | ResultUnknownError | RequestErrorType

/**
 * Creates a campaign as a draft. The rule is validated locally first with `parseCampaignRule` (the
 * same schema the gateway uses) and its audience compiled, so a typo or an expression syntax error
 * (`expression_syntax`, with the column) is reported before anything is sent. Schedule it to start.
 *
 * @example
 * const campaign = await createCampaign(client, {
 *   organiserWalletId,
 *   rule: {
 *     type: 'PT03', name: '满40减10',
 *     tiers: [{ threshold: 4_000, discount: 1_000 }, { threshold: 8_000, discount: 2_000 }],
 *     budget: { amount: 1_000_000 }, perWallet: { perDay: 1 },
 *     validity: { from: '2025-05-01T00:00:00+08:00', to: '2025-06-01T00:00:00+08:00' },
 *     audience: 'payroll & !staff',
 *   },
 * })
 */
export async function createCampaign(
  client: MerchantBaseClient,
  parameters: CreateCampaignParameters,
  options: CallOptions = {},
): Promise<CreateCampaignReturnType> {
  const input = parseInput(createCampaignParameters, parameters, 'campaign')
  const rule = checkRule(input.rule)
  return client.request({
    ...fromOperation(operations.createCampaign),
    body: { rule, organiserWalletId: input.organiserWalletId },
    ...options,
  })
}
