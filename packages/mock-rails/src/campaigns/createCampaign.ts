import { createCampaignRequest } from '@ecny/protocol'
import { nextId } from '../engine/engineContext.js'
import { parseParams } from '../support/parseParams.js'
import { applyRule } from './applyRule.js'
import type { CampaignContext } from './campaignContext.js'
import type { CampaignRecord } from './campaignState.js'
import { campaignToWire } from './campaignWire.js'
import { parseRuleInput } from './parseRuleInput.js'
import { requireOrganiser } from './requireOrganiser.js'

/** `POST /v1/campaigns`: a draft campaign with its own budget account (funded when it activates). */
export function createCampaign(cc: CampaignContext, input: unknown) {
  const params = parseParams(createCampaignRequest, input)
  const rule = parseRuleInput(cc, params.rule)
  requireOrganiser(cc, params.organiserWalletId)
  const now = cc.ctx.clock.now()
  const id = nextId(cc.ctx, 'cmp')
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
  cc.ctx.ledger.openAccount(campaign.budgetAccount, 'budget')
  cc.store.campaigns.set(id, campaign)
  return campaignToWire(cc, campaign)
}
