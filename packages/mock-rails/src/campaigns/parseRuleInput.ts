import { type CampaignRule, parseCampaignRule } from '@ecny/sdk-core'
import { RailsError } from '../support/railsError.js'
import { type CampaignContext, rethrow } from './campaignContext.js'

/** Validates a rule with the SDK's schema; a bad audience answers `expression_syntax`, the rest `invalid_request`. */
export function parseRuleInput(cc: CampaignContext, input: Record<string, unknown>): CampaignRule {
  if (typeof input.audience === 'string')
    rethrow(() => cc.audience(input.audience as string), 'rule.audience')
  try {
    return rethrow(() => parseCampaignRule(input))
  } catch (error) {
    if (error instanceof RailsError && Array.isArray(error.details.issues)) {
      const issues = (error.details.issues as Array<{ path: string; message: string }>).map((issue) => ({
        path: issue.path === '(input)' ? 'rule' : `rule.${issue.path}`,
        message: issue.message,
      }))
      const first = issues[0]!
      throw new RailsError(
        'invalid_request',
        `Invalid request: ${first.path}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}. Fix the rule and send it again.`,
        { issues },
      )
    }
    throw error
  }
}
