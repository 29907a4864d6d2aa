/**
 * Campaign routes.
 *
 * POST  /v1/campaigns                     {rule, organiserWalletId} → Campaign (draft). The rule is checked with
 *                                         `campaignRuleSchema`; a bad audience is 400 expression_syntax.
 * GET   /v1/campaigns                     ?status&limit&cursor → page of Campaign, newest first
 * GET   /v1/campaigns/{id}                → Campaign
 * PATCH /v1/campaigns/{id}                {rule?: fields to change (null removes), organiserWalletId?} → Campaign;
 *                                         draft or scheduled only (409 invalid_state)
 * POST  /v1/campaigns/{id}/schedule       → Campaign scheduled (active at once if the window has begun);
 *                                         422 insufficient_funds when the organiser cannot fund the budget
 * POST  /v1/campaigns/{id}/pause|resume|end → Campaign
 * GET   /v1/campaigns/{id}/stats          → CampaignStats (agrees with the ledger)
 * POST  /v1/campaigns/{id}/audience-estimate {audience?} → AudienceEstimate over the rails' open personal wallets
 * POST  /v1/audience-estimates           {audience} → AudienceEstimate (campaignId null), before any campaign exists
 * POST  /v1/campaigns/{id}/claims         {walletId, transferId?, orderId?, claimKey?} → CampaignClaim.
 *                                         409 campaign_not_active | budget_exhausted | claim_cap_reached | not_eligible.
 *                                         A wallet token may claim for its own wallet.
 * GET   /v1/campaigns/{id}/claims         ?walletId&status&limit&cursor → page of CampaignClaim, newest first
 * POST  /v1/campaigns/{id}/draw           {seed} → LotteryDraw (winners, entrants, audit); drawn once
 * GET   /v1/campaigns/{id}/draw           → LotteryDraw (404 before the draw)
 * POST  /v1/wallets/{id}/tags             {tags} → Wallet (replaces the customer tags audiences match)
 *
 * `GET /v1/wallets/{id}/eligible-campaigns` is served by the wallet routes through the campaign hooks.
 */
import { operations } from '@ecny/protocol'
import { field } from '../http/callerAccess.js'
import { pageParameters } from '../http/pageParameters.js'
import type { RouteDefinition, RouteInput } from '../http/routeDefinition.js'
import { notFound } from '../support/railsError.js'

const id = (input: RouteInput) => input.params.id!
const optional = (query: URLSearchParams, name: string) => query.get(name) ?? undefined

export const campaignRoutes: RouteDefinition[] = [
  {
    ...operations.createCampaign,
    handle: (input) => input.campaigns.create(input.body),
  },
  {
    ...operations.listCampaigns,
    handle: (input) =>
      input.campaigns.list({ status: optional(input.query, 'status'), ...pageParameters(input.query) }),
  },
  {
    ...operations.getCampaign,
    handle: (input) => input.campaigns.get(id(input)),
  },
  {
    ...operations.updateCampaign,
    handle: (input) => input.campaigns.update(id(input), input.body),
  },
  ...(
    [
      [operations.scheduleCampaign, 'schedule'],
      [operations.pauseCampaign, 'pause'],
      [operations.resumeCampaign, 'resume'],
      [operations.endCampaign, 'end'],
    ] as const
  ).map(
    ([operation, action]): RouteDefinition => ({
      ...operation,
      handle: (input) => input.campaigns[action](id(input)),
    }),
  ),
  {
    ...operations.getCampaignStats,
    handle: (input) => input.campaigns.stats(id(input)),
  },
  {
    ...operations.estimateAudience,
    handle: (input) => input.campaigns.estimateAudience(id(input), input.body),
  },
  {
    ...operations.estimateStandaloneAudience,
    handle: (input) => input.campaigns.estimateStandaloneAudience(input.body),
  },
  {
    ...operations.claimCampaign,
    tokenAccess: (scope, { body }) => scope.type === 'wallet' && scope.id === field(body, 'walletId'),
    handle: (input) => input.campaigns.claim(id(input), input.body as never),
  },
  {
    ...operations.listClaims,
    handle: (input) =>
      input.campaigns.listClaims(id(input), {
        walletId: optional(input.query, 'walletId'),
        status: optional(input.query, 'status'),
        ...pageParameters(input.query),
      }),
  },
  {
    ...operations.drawLottery,
    handle: (input) => input.campaigns.draw(id(input), input.body as never),
  },
  {
    ...operations.getLotteryDraw,
    handle: (input) => {
      const draw = input.campaigns.getDraw(id(input))
      if (!draw) throw notFound('lottery draw of campaign', id(input))
      return draw
    },
  },
  {
    ...operations.setWalletTags,
    handle: (input) => input.campaigns.setWalletTags(id(input), input.body as never),
  },
]
