import { formatTimestamp } from '../support/shanghaiTime.js'
import { audienceRefusal, capRefusal, countRefusal, isExhausted } from './campaignChecks.js'
import type { CampaignContext } from './campaignContext.js'
import { isHeld, syncCampaigns } from './campaignLifecycle.js'
import { earnedBy, fixedValue } from './campaignRules.js'
import { sep } from './campaignState.js'
import { usageOf } from './campaignUsage.js'

/**
 * Campaigns the wallet may take part in now, with its usage of each and the benefits it holds, and
 * campaigns it may no longer take part in (cap used, budget spent) while it still holds a benefit
 * of theirs (`held > 0`, `canTakePart: false`).
 */
export function eligibleCampaigns(cc: CampaignContext, walletId: string, now: number): unknown[] {
  syncCampaigns(cc)
  const wallet = cc.ctx.state.wallets.get(walletId)
  if (wallet?.status !== 'active') return []
  const out: unknown[] = []
  for (const campaign of cc.store.campaigns.values()) {
    if (campaign.status !== 'active') continue
    if (audienceRefusal(cc, campaign, wallet)) continue
    const rule = campaign.rule
    const how = earnedBy(rule)
    const lottery = rule.allocation === 'lottery'
    // Benefits the wallet already holds (a voucher or red envelope not yet used) are listed even when
    // it may claim no more: they are still its to spend.
    const held = (cc.store.campaignClaimsByWallet.get(walletId) ?? []).filter((id) => {
      const claim = cc.store.campaignClaims.get(id)!
      return (
        claim.campaignId === campaign.id &&
        claim.status === 'granted' &&
        claim.orderId === null &&
        isHeld(campaign)
      )
    }).length
    const canTakePart = lottery
      ? campaign.draw === null &&
        !cc.store.campaignClaimIndex.has(`${campaign.id}${sep}entry${sep}${wallet.id}`)
      : !capRefusal(cc, campaign, wallet, now) &&
        !countRefusal(campaign) &&
        !isExhausted(cc, campaign, fixedValue(rule) ?? 1)
    if (!canTakePart && held === 0) continue
    out.push({
      id: campaign.id,
      name: rule.name ?? null,
      type: rule.type,
      status: campaign.status,
      amount: fixedValue(rule),
      points: 'points' in rule ? (rule.points ?? null) : null,
      allocation: rule.allocation,
      earnedBy: how,
      startsAt: formatTimestamp(campaign.from),
      endsAt: formatTimestamp(campaign.to),
      perWallet: rule.perWallet ?? null,
      usage: usageOf(cc, campaign.id, wallet.id, now),
      held,
      canTakePart,
    })
  }
  return out
}
