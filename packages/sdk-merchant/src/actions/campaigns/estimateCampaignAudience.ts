import { operations } from '@ecny/protocol'
import {
  type AudienceEstimate,
  type AudienceTags,
  type CallOptions,
  compileAudience,
  estimateAudience,
  type NotFoundError,
  type RequestErrorType,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { campaignIdSchema } from './campaignInputs.js'

const estimateCampaignAudienceParameters = z.object({
  campaignId: campaignIdSchema,
  /** An expression to try instead of the campaign's own (e.g. while designing it). */
  audience: z.optional(z.string({ error: 'audience must be a tag expression string' })),
})

export type EstimateCampaignAudienceParameters = z.input<typeof estimateCampaignAudienceParameters> & {
  /** Your own customers, to count locally too (streamed: any iterable, e.g. a database cursor). */
  customers?: Iterable<{ readonly tags: AudienceTags }>
}

export type EstimateCampaignAudienceReturnType = AudienceEstimate & {
  /** Computed in-process: the canonical expression, its tags, and your customers' count when given. */
  local: { expression: string; tags: readonly string[]; count?: number; total?: number }
}

/** What estimateCampaignAudience can throw: see each code in docs/errors.md. */
export type EstimateCampaignAudienceErrorType = NotFoundError | RequestErrorType

/**
 * Sizes an audience: compiles the expression locally (a syntax error throws `expression_syntax` with
 * the column, before anything is sent), counts your own `customers` with the same compiled predicate
 * if you pass them, and asks the gateway how many of its wallets match.
 *
 * @example
 * const estimate = await estimateCampaignAudience(client, { campaignId, audience: 'payroll & !staff | new_wallet' })
 * console.log(`${estimate.count} of ${estimate.total} wallets`)
 */
export async function estimateCampaignAudience(
  client: MerchantBaseClient,
  parameters: EstimateCampaignAudienceParameters,
  options: CallOptions = {},
): Promise<EstimateCampaignAudienceReturnType> {
  const { customers, ...rest } = parameters
  const { campaignId, audience } = parseInput(estimateCampaignAudienceParameters, rest)
  const compiled = audience === undefined ? null : compileAudience(audience)
  const counted = compiled && customers ? estimateAudience(compiled, customers) : undefined
  const remote = await client.request({
    ...fromOperation(operations.estimateAudience, { id: campaignId }),
    body: audience === undefined ? {} : { audience },
    ...options,
  })
  return {
    ...remote,
    local: {
      expression: compiled ? compiled.toString() : remote.expression,
      tags: compiled ? compiled.tags : remote.tags,
      ...counted,
    },
  }
}
