/**
 * Claims: a wallet's benefits (and lottery entries). Every step runs synchronously inside one engine
 * call, so checks and grants are atomic: the budget (amount and count), the per-wallet caps and one
 * per identity cannot be overrun by concurrent requests.
 */
import { nextId } from '../engine/engineContext.js'
import { requireActiveWallet } from '../engine/walletGuards.js'
import type { WalletRecord } from '../state/records.js'
import { notFound, RailsError } from '../support/railsError.js'
import { audienceRefusal, capRefusal, countRefusal, moneyRefusal, notActive } from './campaignChecks.js'
import type { CampaignContext } from './campaignContext.js'
import { syncCampaigns } from './campaignLifecycle.js'
import { earnedBy } from './campaignRules.js'
import type { CampaignRecord, ClaimRecord } from './campaignState.js'
import { sep } from './campaignState.js'
import { identityOf, recordGrant } from './campaignUsage.js'
import { claimToWire } from './campaignWire.js'
import { grantTransferReward } from './transferRewards.js'

export type ClaimParameters = {
  walletId: string
  transferId?: string | undefined
  orderId?: string | undefined
  claimKey?: string | undefined
}

export function requireCampaign(cc: CampaignContext, campaignId: string): CampaignRecord {
  const campaign = cc.store.campaigns.get(campaignId)
  if (!campaign) throw notFound('campaign', campaignId)
  return campaign
}

/** Stores a new claim and indexes it by campaign and wallet. */
export function newClaim(
  cc: CampaignContext,
  campaign: CampaignRecord,
  walletId: string,
  fields: Partial<ClaimRecord> & Pick<ClaimRecord, 'status'>,
): ClaimRecord {
  const now = cc.ctx.clock.now()
  const claim: ClaimRecord = {
    id: nextId(cc.ctx, 'clm'),
    campaignId: campaign.id,
    walletId,
    amount: null,
    points: 0,
    reservedAmount: 0,
    transferId: null,
    orderId: null,
    claimKey: null,
    clawedBack: 0,
    createdAt: now,
    redeemedAt: null,
    ...fields,
  }
  cc.store.campaignClaims.set(claim.id, claim)
  push(cc.store.campaignClaimsByCampaign, campaign.id, claim.id)
  push(cc.store.campaignClaimsByWallet, walletId, claim.id)
  if (claim.claimKey !== null)
    cc.store.campaignClaimIndex.set(`${campaign.id}${sep}key${sep}${claim.claimKey}`, claim.id)
  return claim
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** Counts a granted benefit: wallet usage, reach, count budget, and the holder's identity. */
export function countGrant(
  cc: CampaignContext,
  campaign: CampaignRecord,
  wallet: WalletRecord,
  now: number,
): void {
  recordGrant(cc, campaign, wallet.id, now)
  if (campaign.rule.onePerIdentity) {
    cc.store.campaignClaimIndex.set(`${campaign.id}${sep}identity${sep}${identityOf(wallet)}`, wallet.id)
  }
}

/**
 * A held benefit for a wallet (a voucher, a red envelope — fixed or its share of a split — or a
 * lottery ticket): the money is reserved in the budget now and paid to the merchant when the wallet
 * uses it on an order. Checks count and money; the caller checked eligibility and caps.
 */
export function grantHeld(
  cc: CampaignContext,
  campaign: CampaignRecord,
  wallet: WalletRecord,
  claim: ClaimRecord | null,
  claimKey: string | null,
): ClaimRecord {
  const now = cc.ctx.clock.now()
  const rule = campaign.rule
  const refusal = countRefusal(campaign)
  if (refusal) throw refusal
  let value: number | null = null
  if (rule.type === 'PT02') value = rule.faceValue
  else if (rule.type === 'PT01') value = rule.amount ?? cc.shares(campaign)[campaign.sharesTaken]!
  if (value !== null) {
    const short = moneyRefusal(cc, campaign, value)
    if (short) throw short
  }
  const points = rule.type === 'PT07' ? rule.points : 0
  if (rule.type === 'PT01' && rule.split) campaign.sharesTaken++
  const held = rule.type !== 'PT07'
  const fields = { status: 'granted' as const, amount: value, points, reservedAmount: value ?? 0 }
  if (claim) {
    if (claim.status === 'entered') campaign.claims.entered--
    Object.assign(claim, fields)
  } else {
    claim = newClaim(cc, campaign, wallet.id, { ...fields, claimKey })
  }
  campaign.reserved += claim.reservedAmount
  countGrant(cc, campaign, wallet, now)
  if (held) campaign.claims.held++
  else {
    campaign.points += points
    cc.store.walletPoints.set(wallet.id, (cc.store.walletPoints.get(wallet.id) ?? 0) + points)
  }
  return claim
}

function existing(
  cc: CampaignContext,
  campaign: CampaignRecord,
  kind: string,
  value: string | undefined,
  walletId: string,
) {
  if (value === undefined) return null
  const id = cc.store.campaignClaimIndex.get(`${campaign.id}${sep}${kind}${sep}${value}`)
  if (id === undefined) return null
  const claim = cc.store.campaignClaims.get(id)!
  if (claim.walletId !== walletId) {
    throw new RailsError(
      'conflict',
      `That ${kind === 'key' ? 'claim key' : kind} already earned claim ${claim.id} for another wallet.`,
      {
        campaignId: campaign.id,
        claimId: claim.id,
      },
    )
  }
  return claim
}

/**
 * `POST /v1/campaigns/{id}/claims`. Idempotent by the transfer or order that earned the claim and by
 * `claimKey`: asking again returns the first claim. What a claim does depends on the campaign:
 * PT01/PT02 grant a held benefit; a lottery records an entry; a transfer reward needs `transferId`;
 * order benefits are applied at payment (`orderId` returns the claim the order earned).
 */
export function claimBenefit(cc: CampaignContext, campaignId: string, params: ClaimParameters) {
  syncCampaigns(cc)
  const campaign = requireCampaign(cc, campaignId)
  const found =
    existing(cc, campaign, 'transfer', params.transferId, params.walletId) ??
    existing(cc, campaign, 'order', params.orderId, params.walletId) ??
    existing(cc, campaign, 'key', params.claimKey, params.walletId)
  if (found) return claimToWire(cc, found)
  const wallet = requireActiveWallet(cc.ctx, params.walletId)
  const now = cc.ctx.clock.now()
  const claimKey = params.claimKey ?? null
  const how = earnedBy(campaign.rule)

  if (how === 'transfer') {
    if (params.transferId === undefined) {
      throw new RailsError(
        'invalid_request',
        `Invalid request: transferId: required. Campaign ${campaign.id} rewards transfers (转账有礼): send the transfer with campaignId, or claim naming the transfer.`,
        { issues: [{ path: 'transferId', message: 'required for a transfer reward' }] },
      )
    }
    const transfer = cc.ctx.state.transfers.get(params.transferId)
    if (!transfer) throw notFound('transfer', params.transferId)
    if (transfer.fromWalletId !== wallet.id) {
      throw new RailsError(
        'not_eligible',
        `Transfer ${transfer.id} was not sent by this wallet; only the sender earns its reward.`,
        {
          campaignId: campaign.id,
          reason: 'not_sender',
        },
      )
    }
    if (transfer.campaignId !== null && transfer.campaignId !== campaign.id) {
      throw new RailsError(
        'not_eligible',
        `Transfer ${transfer.id} took part in campaign ${transfer.campaignId}, not ${campaign.id}.`,
        {
          campaignId: campaign.id,
          reason: 'other_campaign',
        },
      )
    }
    if (transfer.createdAt < campaign.from || transfer.createdAt >= campaign.to) {
      throw new RailsError(
        'not_eligible',
        `Transfer ${transfer.id} was made outside campaign ${campaign.id}'s window.`,
        {
          campaignId: campaign.id,
          reason: 'window',
        },
      )
    }
    const outcome = grantTransferReward(cc, campaign, transfer, now)
    if ('refusal' in outcome) throw outcome.refusal
    if (claimKey !== null) {
      outcome.claim.claimKey = claimKey
      cc.store.campaignClaimIndex.set(`${campaign.id}${sep}key${sep}${claimKey}`, outcome.claim.id)
    }
    return claimToWire(cc, outcome.claim)
  }

  if (how === 'order') {
    throw new RailsError(
      'not_eligible',
      params.orderId === undefined
        ? `Campaign ${campaign.id} has nothing to claim: its benefit is applied when an eligible wallet pays an order.`
        : `Order ${params.orderId} earned no benefit from campaign ${campaign.id}.`,
      { campaignId: campaign.id, reason: params.orderId === undefined ? 'applied_at_payment' : 'no_benefit' },
    )
  }

  const inactive = notActive(campaign)
  if (inactive) throw inactive
  const outside = audienceRefusal(cc, campaign, wallet)
  if (outside) throw outside

  if (campaign.rule.allocation === 'lottery') {
    if (campaign.draw !== null || campaign.drawing) {
      throw new RailsError(
        'invalid_state',
        `Campaign ${campaign.id}'s lottery has been drawn; entries are closed.`,
        {
          campaignId: campaign.id,
        },
      )
    }
    const entryKey = `${campaign.id}${sep}entry${sep}${wallet.id}`
    const identityKey = `${campaign.id}${sep}entry${sep}${identityOf(wallet)}`
    if (
      cc.store.campaignClaimIndex.has(entryKey) ||
      (campaign.rule.onePerIdentity && cc.store.campaignClaimIndex.has(identityKey))
    ) {
      throw new RailsError(
        'claim_cap_reached',
        `This ${cc.store.campaignClaimIndex.has(entryKey) ? 'wallet' : "wallet's holder"} has already entered campaign ${campaign.id}'s lottery: one entry each.`,
        {
          campaignId: campaign.id,
          cap: 'entry',
          limit: 1,
          used: 1,
        },
      )
    }
    const entry = newClaim(cc, campaign, wallet.id, { status: 'entered', claimKey })
    cc.store.campaignClaimIndex.set(entryKey, entry.id)
    if (campaign.rule.onePerIdentity) cc.store.campaignClaimIndex.set(identityKey, entry.id)
    campaign.claims.entered++
    return claimToWire(cc, entry)
  }

  const capped = capRefusal(cc, campaign, wallet, now)
  if (capped) throw capped
  return claimToWire(cc, grantHeld(cc, campaign, wallet, null, claimKey))
}
