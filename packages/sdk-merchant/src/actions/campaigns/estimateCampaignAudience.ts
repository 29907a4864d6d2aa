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

const estimateCampaignAudienceParameters = z
  .object({
    /** The campaign whose audience to size; leave out to size `audience` before any campaign exists. */
    campaignId: z.optional(campaignIdSchema),
    /** An expression to try instead of the campaign's own (e.g. while designing it). */
    audience: z.optional(z.string({ error: 'audience must be a tag expression string' })),
  })
  .check(
    z.refine((input) => input.campaignId !== undefined || input.audience !== undefined, {
      message:
        'Pass campaignId (to size its audience) or audience (an expression to size on its own), or both.',
      path: ['audience'],
    }),
  )

export type EstimateCampaignAudienceParameters = z.input<typeof estimateCampaignAudienceParameters> & {
  /** Your own customers, to count locally too (streamed: any iterable, e.g. a database cursor). */
  customers?: Iterable<{ readonly tags: AudienceTags }>
}

export type EstimateCampaignAudienceReturnType = AudienceEstimate & {
  /**
   * Computed in-process: the canonical expression, its tags, and your customers' count when given —
   * with the expression sent, or else the campaign's own audience (everyone when it has none).
   */
  local: { expression: string; tags: readonly string[]; count?: number; total?: number }
}

/** What estimateCampaignAudience can throw: see each code in docs/errors.md. */
export type EstimateCampaignAudienceErrorType = NotFoundError | RequestErrorType

/**
 * Sizes an audience: compiles the expression locally (a syntax error throws `expression_syntax` with
 * the column, before anything is sent), asks the gateway how many of its wallets match, and counts
 * your own `customers` with the same predicate if you pass them — the expression you sent, or the
 * campaign's own audience. Without `campaignId` it sizes `audience` on its own, before any campaign
 * exists.
 *
 * @example
 * const estimate = await estimateCampaignAudience(client, { campaignId, audience: 'payroll & !staff | new_wallet' })
 * console.log(`${estimate.count} of ${estimate.total} wallets`)
 * const early = await estimateCampaignAudience(client, { audience: 'new_wallet', customers })
 * console.log(`${early.local.count} of my ${early.local.total} customers`)
 */
export async function estimateCampaignAudience(
  client: MerchantBaseClient,
  parameters: EstimateCampaignAudienceParameters,
  options: CallOptions = {},
): Promise<EstimateCampaignAudienceReturnType> {
  const { customers, ...rest } = parameters
  const { campaignId, audience } = parseInput(estimateCampaignAudienceParameters, rest)
  const sent = audience === undefined ? null : compileAudience(audience)
  const remote = await client.request({
    ...(campaignId === undefined
      ? fromOperation(operations.estimateStandaloneAudience)
      : fromOperation(operations.estimateAudience, { id: campaignId })),
    body: audience === undefined ? {} : { audience },
    ...options,
  })
  // The campaign's own audience, as the gateway returned it in canonical form ('' = everyone).
  const compiled = sent ?? (remote.expression === '' ? null : compileAudience(remote.expression))
  const counted = customers
    ? compiled
      ? estimateAudience(compiled, customers)
      : countEveryone(customers)
    : undefined
  return {
    ...remote,
    local: {
      expression: compiled ? compiled.toString() : remote.expression,
      tags: compiled ? compiled.tags : remote.tags,
      ...counted,
    },
  }
}

function countEveryone(customers: Iterable<unknown>) {
  let total = 0
  for (const _ of customers) total++
  return { count: total, total }
}
