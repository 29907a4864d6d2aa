/**
 * Local checks shared by the campaign actions: ids, and a rule validated with the SDK's own
 * `parseCampaignRule` — after compiling its audience, so a syntax error names its column (with a
 * caret) before anything is sent.
 */
import { type CampaignRule, compileAudience, parseCampaignRule } from '@ecny/sdk-core'
import { z } from '@ecny/sdk-core/internal'
import { gatewayId } from '../../internal/inputs.js'

export const campaignIdSchema = gatewayId('campaignId')

/** Compiles an audience expression; throws `expression_syntax` (column, caret hint) on a mistake. */
export function checkAudience(expression: unknown): void {
  if (typeof expression === 'string') compileAudience(expression)
}

/** Validates a whole rule locally: audience syntax first, then every field (`invalid_request`). */
export function checkRule(rule: unknown): CampaignRule {
  if (typeof rule === 'object' && rule !== null) checkAudience((rule as Record<string, unknown>).audience)
  return parseCampaignRule(rule)
}

/** `?limit&cursor` of list calls. */
export const pageShape = {
  limit: z.optional(
    z
      .number()
      .check(
        z.int({ error: 'limit must be a whole number' }),
        z.minimum(1, { error: 'limit must be at least 1' }),
        z.maximum(100, { error: 'limit must be at most 100' }),
      ),
  ),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
}
