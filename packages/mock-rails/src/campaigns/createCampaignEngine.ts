/**
 * The rails' campaign engine, assembled from its use cases: campaign administration (create, update,
 * schedule, pause, resume, end, stats, audience estimates, lottery draws), holder claims and
 * eligibility, and `hooks` — its implementation of the payment engine's `CampaignPort`, which
 * `createRails` passes to the engine. Synchronous (except the lottery draw, which hashes with Web
 * Crypto), so every claim is atomic.
 */
import { claimRequest, drawRequest } from '@ecny/protocol'
import type { CoreContext } from '../engine/engineContext.js'
import { getWalletRecord } from '../engine/walletGuards.js'
import type { PageParameters } from '../support/pageNewestFirst.js'
import { parseParams } from '../support/parseParams.js'
import { notFound } from '../support/railsError.js'
import { type ClaimParameters, claimBenefit } from './campaignClaims.js'
import { createCampaignContext } from './campaignContext.js'
import { syncCampaigns } from './campaignLifecycle.js'
import { drawCampaignLottery, drawToWire } from './campaignLottery.js'
import { campaignPortOf } from './campaignPortOf.js'
import { campaignStateOf } from './campaignState.js'
import { campaignToWire, claimToWire, statsToWire } from './campaignWire.js'
import { createCampaign } from './createCampaign.js'
import { eligibleCampaigns } from './eligibleCampaigns.js'
import { estimateAudience, estimateStandaloneAudience } from './estimateAudience.js'
import { listCampaigns } from './listCampaigns.js'
import { listClaims } from './listClaims.js'
import { moveCampaign } from './moveCampaign.js'
import { createPointsLedger } from './points/createPointsLedger.js'
import { readCampaign } from './readCampaign.js'
import { scheduleCampaign } from './scheduleCampaign.js'
import { setWalletTags } from './setWalletTags.js'
import { updateCampaign } from './updateCampaign.js'

export function createCampaignEngine(ctx: CoreContext) {
  const cc = createCampaignContext(ctx, campaignStateOf(ctx.state))
  ctx.clock.onChange(() => syncCampaigns(cc))
  return {
    create: (input: unknown) => createCampaign(cc, input),
    get: (campaignId: string) => campaignToWire(cc, readCampaign(cc, campaignId)),
    list: (query: { status?: string | undefined } & PageParameters = {}) => listCampaigns(cc, query),
    update: (campaignId: string, input: unknown) => updateCampaign(cc, campaignId, input),
    schedule: (campaignId: string) => scheduleCampaign(cc, campaignId),
    pause: (campaignId: string) => moveCampaign(cc, campaignId, 'paused'),
    resume: (campaignId: string) => moveCampaign(cc, campaignId, 'active'),
    end: (campaignId: string) => moveCampaign(cc, campaignId, 'ended'),
    stats: (campaignId: string) => statsToWire(cc, readCampaign(cc, campaignId)),
    estimateAudience: (campaignId: string, input: unknown = {}) => estimateAudience(cc, campaignId, input),
    estimateStandaloneAudience: (input: unknown) => estimateStandaloneAudience(cc, input),
    /** A holder's claim (red envelope, voucher, lottery entry, a transfer's reward). */
    claim: (campaignId: string, input: ClaimParameters) =>
      claimBenefit(cc, campaignId, parseParams(claimRequest, input)),
    listClaims: (
      campaignId: string,
      query: { walletId?: string | undefined; status?: string | undefined } & PageParameters = {},
    ) => listClaims(cc, campaignId, query),
    getClaim(claimId: string) {
      const claim = cc.store.campaignClaims.get(claimId)
      if (!claim) throw notFound('claim', claimId)
      return claimToWire(cc, claim)
    },
    /** Draws a lottery campaign's winners with a seed; returns the draw and its audit. */
    draw: (campaignId: string, input: { seed: string }) =>
      drawCampaignLottery(cc, campaignId, parseParams(drawRequest, input)),
    /** The stored draw of a lottery campaign, or `null`. */
    getDraw(campaignId: string) {
      const campaign = readCampaign(cc, campaignId)
      return campaign.draw ? drawToWire(campaign, campaign.draw) : null
    },
    /** Campaigns a wallet may take part in now. */
    eligible: (walletId: string) => {
      getWalletRecord(ctx, walletId)
      return eligibleCampaigns(cc, walletId, ctx.clock.now())
    },
    /** Replaces a wallet's customer tags (what audience expressions match). */
    setWalletTags: (walletId: string, input: { tags: string[] }) => setWalletTags(cc, walletId, input),
    /** Points a wallet earned from campaigns (PT07, points transfer rewards). Points are not money. */
    pointsOf: (walletId: string) => cc.store.walletPoints.get(walletId) ?? 0,
    /** The points ledger: balance, history, redemption, adjustments, rules (`points/`). */
    points: createPointsLedger(ctx),
    /** Applies the clock now (it also runs whenever the clock moves and before every campaign call). */
    sync: () => syncCampaigns(cc),
    /** The engine's campaign port, implemented by this engine (`createRails` passes it in). */
    hooks: campaignPortOf(cc),
  }
}

export type CampaignEngine = ReturnType<typeof createCampaignEngine>
