/**
 * Lottery allocation: wallets enter while the campaign is active (one entry each; one per person with
 * `onePerIdentity`); the organiser draws with a published seed. `drawLottery` picks the winners from
 * the entry ids — reproducibly, so the same entries and seed give the same winners — and its audit
 * record is stored and returned with the entrant list for `verifyLotteryDraw`. Entries close when
 * the draw starts. Winners get the benefit (a held voucher/red envelope/ticket, or points); as many
 * winners as `budget.count` allows and the money budget can pay.
 */
import { drawLottery } from '@ecny/sdk-core/internal'
import { RailsError } from '../support/railsError.js'
import { formatTimestamp } from '../support/shanghaiTime.js'
import { budgetAvailable, notActive } from './campaignChecks.js'
import { grantHeld, requireCampaign } from './campaignClaims.js'
import type { CampaignContext } from './campaignContext.js'
import { rethrow } from './campaignContext.js'
import { syncCampaigns } from './campaignLifecycle.js'
import { fixedValue } from './campaignRules.js'
import type { CampaignDrawRecord, CampaignRecord } from './campaignState.js'

export function drawToWire(campaign: CampaignRecord, draw: CampaignDrawRecord) {
  return {
    campaignId: campaign.id,
    seed: draw.seed,
    drawnAt: formatTimestamp(draw.drawnAt),
    entrants: draw.entrants,
    winners: draw.winners,
    audit: draw.audit,
  }
}

/** How many prizes the budget pays: `budget.count`, fewer if the money runs short. */
function prizeCount(cc: CampaignContext, campaign: CampaignRecord): number {
  const count = (campaign.countLimit ?? 0) - campaign.countUsed
  const rule = campaign.rule
  const value = fixedValue(rule)
  if (rule.type === 'PT01' && rule.split) {
    const shares = cc.shares(campaign)
    let money = budgetAvailable(cc, campaign)
    let n = 0
    while (
      n < count &&
      campaign.sharesTaken + n < shares.length &&
      shares[campaign.sharesTaken + n]! <= money
    ) {
      money -= shares[campaign.sharesTaken + n]!
      n++
    }
    return n
  }
  if (value === null || value === 0) return Math.max(0, count)
  return Math.max(0, Math.min(count, Math.floor(budgetAvailable(cc, campaign) / value)))
}

/** `POST /v1/campaigns/{id}/draw {seed}`: draws once; asking again returns the stored draw. */
export async function drawCampaignLottery(cc: CampaignContext, campaignId: string, params: { seed: string }) {
  syncCampaigns(cc)
  const campaign = requireCampaign(cc, campaignId)
  if (campaign.rule.allocation !== 'lottery') {
    throw new RailsError(
      'invalid_state',
      `Campaign ${campaign.id} is first come, first served; only a lottery campaign is drawn.`,
      {
        campaignId: campaign.id,
      },
    )
  }
  if (campaign.draw) {
    if (campaign.draw.seed === params.seed) return drawToWire(campaign, campaign.draw)
    throw new RailsError(
      'invalid_state',
      `Campaign ${campaign.id} was already drawn with another seed; a lottery is drawn once.`,
      {
        campaignId: campaign.id,
      },
    )
  }
  if (campaign.drawing) {
    throw new RailsError(
      'request_in_progress',
      `Campaign ${campaign.id}'s draw is under way. Retry shortly.`,
      { campaignId },
    )
  }
  if (campaign.status !== 'active' && campaign.status !== 'paused') throw notActive(campaign)!
  const entries = (cc.store.campaignClaimsByCampaign.get(campaign.id) ?? [])
    .map((id) => cc.store.campaignClaims.get(id)!)
    .filter((claim) => claim.status === 'entered')
  const entrants = entries.map((claim) => claim.id)
  const winnersWanted = prizeCount(cc, campaign)
  const drawnAt = cc.ctx.clock.now()
  campaign.drawing = true
  let result: Awaited<ReturnType<typeof drawLottery>>
  try {
    result = await drawLottery({
      entrants,
      winners: winnersWanted,
      seed: params.seed,
      drawnAt: formatTimestamp(drawnAt),
    }).catch((error) =>
      rethrow(() => {
        throw error
      }),
    )
  } finally {
    campaign.drawing = false
  }
  // The draw awaited: look the campaign up again (a restore may have replaced the record).
  const live = requireCampaign(cc, campaignId)
  if (live.status !== 'active' && live.status !== 'paused') throw notActive(live)!
  const won = new Set(result.winners)
  for (const claim of entries) {
    const current = cc.store.campaignClaims.get(claim.id)!
    if (won.has(claim.id)) {
      grantHeld(cc, live, cc.ctx.state.wallets.get(current.walletId)!, current, current.claimKey)
    } else {
      current.status = 'lost'
      live.claims.entered--
      live.claims.lost++
    }
  }
  live.draw = { seed: params.seed, drawnAt, entrants, winners: result.winners, audit: result.audit }
  live.updatedAt = drawnAt
  return drawToWire(live, live.draw)
}
