/**
 * Request bodies of the campaign operations (zod/mini). The rule itself is checked with the SDK's
 * `campaignRuleSchema` (same messages on both sides); here it is only required to be an object.
 */
import * as z from 'zod/mini'
import { limits } from '../constants/limits.js'

const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected 1–64 letters, digits, _ or -'))
const ruleObject = z.record(z.string(), z.unknown())

export const createCampaignRequest = z.object({
  /** The campaign rule (see `campaignRuleSchema`): type, budget, validity, caps, audience… */
  rule: ruleObject,
  /** The corporate (WT09) wallet that funds the budget at activation. */
  organiserWalletId: id,
})

export const updateCampaignRequest = z.object({
  /** Fields of the rule to change (merged over the stored rule, then validated whole). */
  rule: z.optional(ruleObject),
  organiserWalletId: z.optional(id),
})

export const claimRequest = z.object({
  walletId: id,
  transferId: z.optional(id),
  orderId: z.optional(id),
  claimKey: z.optional(id),
})

export const drawRequest = z.object({
  seed: z.string().check(z.minLength(1), z.maxLength(limits.drawSeedLength)),
})

export const audienceEstimateRequest = z.object({
  /** An expression to estimate instead of the campaign's own. */
  audience: z.optional(z.string().check(z.maxLength(limits.audienceLength))),
})

export const standaloneAudienceEstimateRequest = z.object({
  /** The expression to size, before any campaign uses it. */
  audience: z.string().check(z.minLength(1), z.maxLength(limits.audienceLength)),
})

export const setWalletTagsRequest = z.object({
  tags: z
    .array(z.string().check(z.minLength(1), z.maxLength(limits.tagLength)))
    .check(z.maxLength(limits.maxTags)),
})

export const listCampaignsQuery = z.object({
  status: z.optional(z.enum(['draft', 'scheduled', 'active', 'paused', 'ended'])),
})

export const listClaimsQuery = z.object({
  walletId: z.optional(id),
  status: z.optional(z.enum(['entered', 'granted', 'redeemed', 'expired', 'lost'])),
})
