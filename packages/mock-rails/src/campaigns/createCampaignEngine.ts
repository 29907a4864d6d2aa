/**
 * The rails' campaign engine: campaign administration (create, update, schedule, pause, resume,
 * end, stats, audience estimates, lottery draws), holder claims and eligibility, and the
 * `CampaignHooks` the payment engine calls inside transfers, payments and refunds. Synchronous
 * (except the lottery draw, which hashes with Web Crypto), so every claim is atomic.
 */
import {
  type CampaignRule,
  type CompiledAudience,
  estimateAudience as countAudience,
  parseCampaignRule,
} from '@ecny/sdk-core'
import type { CampaignPort } from '../engine/campaignPort.js'
import type { CoreContext } from '../engine/engineContext.js'
import { nextId } from '../engine/engineContext.js'
import { walletToWire } from '../engine/toWire.js'
import { balanceOf, getWalletRecord } from '../engine/walletGuards.js'
import { type PageParameters, pageNewestFirst } from '../support/pageNewestFirst.js'
import { parseParams } from '../support/parseParams.js'
import { notFound, RailsError } from '../support/railsError.js'
import { formatTimestamp } from '../support/shanghaiTime.js'
import { audienceRefusal, capRefusal, countRefusal, isExhausted } from './campaignChecks.js'
import { type ClaimParameters, claimBenefit, requireCampaign } from './campaignClaims.js'
import { type CampaignContext, createCampaignContext, rethrow } from './campaignContext.js'
import { assertTransition, endCampaignRecord, isHeld, syncCampaigns } from './campaignLifecycle.js'
import { drawCampaignLottery, drawToWire } from './campaignLottery.js'
import {
  audienceEstimateRequest,
  claimRequest,
  createCampaignRequest,
  drawRequest,
  listCampaignsQuery,
  listClaimsQuery,
  setWalletTagsRequest,
  updateCampaignRequest,
} from './campaignRequests.js'
import { assertSupported, countLimitOf, earnedBy, fixedValue, fundingOf } from './campaignRules.js'
import type { CampaignRecord, CampaignStatus } from './campaignState.js'
import { campaignStateOf, sep } from './campaignState.js'
import { usageOf } from './campaignUsage.js'
import { campaignToWire, claimToWire, statsToWire } from './campaignWire.js'
import { applyClawback, applyOrderBenefit, quoteOrderBenefit, refundClawback } from './orderBenefits.js'
import { grantTransferReward, rewardOf } from './transferRewards.js'

/** Validates a rule with the SDK's schema; a bad audience answers `expression_syntax`, the rest `invalid_request`. */
function parseRule(cc: CampaignContext, input: Record<string, unknown>): CampaignRule {
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

function requireOrganiser(cc: CampaignContext, walletId: string) {
  const wallet = getWalletRecord(cc.ctx, walletId)
  if (wallet.type !== 'WT09') {
    throw new RailsError(
      'invalid_request',
      'Invalid request: organiserWalletId: must be a corporate (WT09) wallet; campaign budgets are funded by the organising institution.',
      { issues: [{ path: 'organiserWalletId', message: 'must be a WT09 wallet' }] },
    )
  }
  return wallet
}

function applyRule(campaign: CampaignRecord, rule: CampaignRule): void {
  assertSupported(rule)
  campaign.rule = rule
  campaign.funding = fundingOf(rule)
  campaign.countLimit = countLimitOf(rule)
  campaign.from = Date.parse(rule.validity.from)
  campaign.to = Date.parse(rule.validity.to)
}

export function createCampaignEngine(ctx: CoreContext) {
  const store = campaignStateOf(ctx.state)
  const cc = createCampaignContext(ctx, store)
  ctx.clock.onChange(() => syncCampaigns(cc))
  const read = (campaignId: string) => {
    syncCampaigns(cc)
    return requireCampaign(cc, campaignId)
  }

  function createCampaign(input: unknown) {
    const params = parseParams(createCampaignRequest, input)
    const rule = parseRule(cc, params.rule)
    requireOrganiser(cc, params.organiserWalletId)
    const now = ctx.clock.now()
    const id = nextId(ctx, 'cmp')
    const campaign: CampaignRecord = {
      id,
      rule,
      status: 'draft',
      organiserWalletId: params.organiserWalletId,
      budgetAccount: `campaign:${id}`,
      funding: 0,
      countLimit: null,
      from: 0,
      to: 0,
      funded: 0,
      paidOut: 0,
      clawedBack: 0,
      released: 0,
      reserved: 0,
      countUsed: 0,
      points: 0,
      reach: 0,
      claims: { granted: 0, redeemed: 0, held: 0, expired: 0, entered: 0, lost: 0 },
      sharesTaken: 0,
      draw: null,
      drawing: false,
      endReason: null,
      createdAt: now,
      updatedAt: now,
      activatedAt: null,
      endedAt: null,
    }
    applyRule(campaign, rule)
    ctx.ledger.openAccount(campaign.budgetAccount, 'budget')
    store.campaigns.set(id, campaign)
    return campaignToWire(cc, campaign)
  }

  function updateCampaign(campaignId: string, input: unknown) {
    const params = parseParams(updateCampaignRequest, input)
    const campaign = read(campaignId)
    if (campaign.status !== 'draft' && campaign.status !== 'scheduled') {
      throw new RailsError(
        'invalid_state',
        `Campaign ${campaign.id} is ${campaign.status}; only a draft or scheduled campaign can be changed.`,
        {
          campaignId: campaign.id,
          status: campaign.status,
        },
      )
    }
    if (params.rule) {
      const merged: Record<string, unknown> = { ...campaign.rule }
      for (const [key, value] of Object.entries(params.rule)) {
        if (value === null) delete merged[key]
        else merged[key] = value
      }
      applyRule(campaign, parseRule(cc, merged))
    }
    if (params.organiserWalletId !== undefined) {
      requireOrganiser(cc, params.organiserWalletId)
      campaign.organiserWalletId = params.organiserWalletId
    }
    campaign.updatedAt = ctx.clock.now()
    syncCampaigns(cc)
    return campaignToWire(cc, campaign)
  }

  function scheduleCampaign(campaignId: string) {
    const campaign = read(campaignId)
    assertTransition(campaign, 'scheduled')
    const now = ctx.clock.now()
    if (campaign.to <= now) {
      throw new RailsError(
        'invalid_state',
        `Campaign ${campaign.id}'s window ended at ${formatTimestamp(campaign.to)}. Move validity.to later first.`,
        {
          campaignId: campaign.id,
        },
      )
    }
    const organiser = requireOrganiser(cc, campaign.organiserWalletId)
    const balance = organiser.status === 'active' ? balanceOf(ctx, organiser.id) : 0
    if (balance < campaign.funding) {
      throw new RailsError(
        'insufficient_funds',
        `The organiser's wallet holds ${balance} fen; the budget needs ${campaign.funding} fen at activation. Fund the wallet, or lower budget.amount.`,
        {
          walletId: organiser.id,
          available: balance,
          amount: campaign.funding,
          shortfall: campaign.funding - balance,
        },
      )
    }
    campaign.status = 'scheduled'
    campaign.updatedAt = now
    syncCampaigns(cc)
    return campaignToWire(cc, campaign)
  }

  function move(campaignId: string, next: Exclude<CampaignStatus, 'draft' | 'scheduled'>) {
    const campaign = read(campaignId)
    if (next === 'active' && campaign.status !== 'paused') {
      throw new RailsError(
        'invalid_state',
        `Campaign ${campaign.id} is ${campaign.status}; only a paused campaign resumes.`,
        {
          campaignId: campaign.id,
          status: campaign.status,
        },
      )
    }
    const now = ctx.clock.now()
    if (next === 'ended') endCampaignRecord(cc, campaign, 'manual', now)
    else {
      assertTransition(campaign, next)
      campaign.status = next
      campaign.updatedAt = now
    }
    syncCampaigns(cc)
    return campaignToWire(cc, campaign)
  }

  function listCampaigns(query: { status?: string | undefined } & PageParameters = {}) {
    syncCampaigns(cc)
    const { status } = parseParams(listCampaignsQuery, { status: query.status })
    const ids = [...store.campaigns.values()]
      .filter((c) => status === undefined || c.status === status)
      .map((c) => c.id)
    return pageNewestFirst(ids, query, (id) => campaignToWire(cc, store.campaigns.get(id)!))
  }

  function listClaims(
    campaignId: string,
    query: { walletId?: string | undefined; status?: string | undefined } & PageParameters = {},
  ) {
    const campaign = read(campaignId)
    const filter = parseParams(listClaimsQuery, { walletId: query.walletId, status: query.status })
    const ids = (store.campaignClaimsByCampaign.get(campaign.id) ?? []).filter((id) => {
      const claim = store.campaignClaims.get(id)!
      return (
        (filter.walletId === undefined || claim.walletId === filter.walletId) &&
        (filter.status === undefined || claim.status === filter.status)
      )
    })
    return pageNewestFirst(ids, query, (id) => claimToWire(cc, store.campaignClaims.get(id)!))
  }

  function estimate(campaignId: string, input: unknown = {}) {
    const params = parseParams(audienceEstimateRequest, input ?? {})
    const campaign = read(campaignId)
    const expression = params.audience ?? campaign.rule.audience
    const audience: CompiledAudience | null =
      expression === undefined
        ? null
        : rethrow(() => cc.audience(expression), params.audience === undefined ? 'rule.audience' : 'audience')
    const wallets = [...ctx.state.wallets.values()].filter((w) => w.type === 'WT01' && w.status === 'active')
    const counted = audience
      ? countAudience(audience, wallets)
      : { count: wallets.length, total: wallets.length }
    return {
      campaignId: campaign.id,
      expression: audience ? audience.toString() : '',
      tags: audience ? [...audience.tags] : [],
      count: counted.count,
      total: counted.total,
    }
  }

  /** Campaigns the wallet may take part in now, with its usage of each. */
  function eligibleFor(walletId: string, now: number) {
    syncCampaigns(cc)
    const wallet = ctx.state.wallets.get(walletId)
    if (wallet?.status !== 'active') return []
    const out: unknown[] = []
    for (const campaign of store.campaigns.values()) {
      if (campaign.status !== 'active') continue
      if (audienceRefusal(cc, campaign, wallet)) continue
      const rule = campaign.rule
      const how = earnedBy(rule)
      const lottery = rule.allocation === 'lottery'
      if (lottery) {
        if (
          campaign.draw !== null ||
          store.campaignClaimIndex.has(`${campaign.id}${sep}entry${sep}${wallet.id}`)
        )
          continue
      } else if (
        capRefusal(cc, campaign, wallet, now) ||
        countRefusal(campaign) ||
        isExhausted(cc, campaign, fixedValue(rule) ?? 1)
      ) {
        continue
      }
      const held = (store.campaignClaimsByWallet.get(walletId) ?? []).filter((id) => {
        const claim = store.campaignClaims.get(id)!
        return (
          claim.campaignId === campaign.id &&
          claim.status === 'granted' &&
          claim.orderId === null &&
          isHeld(campaign)
        )
      }).length
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
      })
    }
    return out
  }

  const hooks: CampaignPort = {
    onTransfer({ campaignId, transfer, now }) {
      syncCampaigns(cc)
      const campaign = store.campaigns.get(campaignId)
      if (!campaign) return { granted: false, reason: 'campaign_not_found' }
      return rewardOf(grantTransferReward(cc, campaign, transfer, now))
    },
    eligibleCampaigns: (walletId, now) => eligibleFor(walletId, now),
    quoteOrderBenefit: (input) => quoteOrderBenefit(cc, input),
    applyOrderBenefit: (input) => applyOrderBenefit(cc, input),
    refundClawback: (input) => refundClawback(cc, input),
    applyClawback: (input) => applyClawback(cc, input),
  }

  return {
    create: createCampaign,
    get: (campaignId: string) => campaignToWire(cc, read(campaignId)),
    list: listCampaigns,
    update: updateCampaign,
    schedule: scheduleCampaign,
    pause: (campaignId: string) => move(campaignId, 'paused'),
    resume: (campaignId: string) => move(campaignId, 'active'),
    end: (campaignId: string) => move(campaignId, 'ended'),
    stats: (campaignId: string) => statsToWire(cc, read(campaignId)),
    estimateAudience: estimate,
    /** A holder's claim (red envelope, voucher, lottery entry, a transfer's reward). */
    claim: (campaignId: string, input: ClaimParameters) =>
      claimBenefit(cc, campaignId, parseParams(claimRequest, input)),
    listClaims,
    getClaim(claimId: string) {
      const claim = store.campaignClaims.get(claimId)
      if (!claim) throw notFound('claim', claimId)
      return claimToWire(cc, claim)
    },
    /** Draws a lottery campaign's winners with a seed; returns the draw and its audit. */
    draw: (campaignId: string, input: { seed: string }) =>
      drawCampaignLottery(cc, campaignId, parseParams(drawRequest, input)),
    /** The stored draw of a lottery campaign, or `null`. */
    getDraw(campaignId: string) {
      const campaign = read(campaignId)
      return campaign.draw ? drawToWire(campaign, campaign.draw) : null
    },
    /** Campaigns a wallet may take part in now. */
    eligible: (walletId: string) => {
      getWalletRecord(ctx, walletId)
      return eligibleFor(walletId, ctx.clock.now())
    },
    /** Replaces a wallet's customer tags (what audience expressions match). */
    setWalletTags(walletId: string, input: { tags: string[] }) {
      const { tags } = parseParams(setWalletTagsRequest, input)
      const wallet = getWalletRecord(ctx, walletId)
      wallet.tags = [...new Set(tags)]
      return walletToWire(wallet)
    },
    /** Points a wallet earned from campaigns (PT07, points transfer rewards). Points are not money. */
    pointsOf: (walletId: string) => store.walletPoints.get(walletId) ?? 0,
    /** Applies the clock now (it also runs whenever the clock moves and before every campaign call). */
    sync: () => syncCampaigns(cc),
    hooks,
  }
}

export type CampaignEngine = ReturnType<typeof createCampaignEngine>
