import { type CampaignRuleOf, type CampaignRuleType, parseCampaignRule } from './campaignRuleSchema.js'

export const validity = { from: '2025-01-01T00:00:00+08:00', to: '2025-02-01T00:00:00+08:00' }

/** A parsed rule of the given type, with a budget and validity filled in unless given. */
export function rule<K extends CampaignRuleType>(
  fields: { type: K } & Record<string, unknown>,
): CampaignRuleOf<K> {
  return parseCampaignRule({ budget: { amount: 100_000_00 }, validity, ...fields }) as CampaignRuleOf<K>
}
