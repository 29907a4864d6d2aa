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
import {
  audienceEstimate,
  campaign,
  campaignClaim,
  campaignStats,
  lotteryDraw,
  page,
  wallet,
} from '@ecny/sdk-core/internal'
import type { RouteDefinition, RouteInput } from '../http/routeDefinition.js'
import { field } from '../http/routes/callerAccess.js'
import { pageParameters } from '../http/routes/pageParameters.js'
import { notFound } from '../support/railsError.js'
import {
  audienceEstimateRequest,
  claimRequest,
  createCampaignRequest,
  drawRequest,
  setWalletTagsRequest,
  updateCampaignRequest,
} from './campaignRequests.js'
import { campaignEngineOf } from './createCampaignEngine.js'

const campaigns = (input: RouteInput) => campaignEngineOf(input.engine)
const id = (input: RouteInput) => input.params.id!
const optional = (query: URLSearchParams, name: string) => query.get(name) ?? undefined

export const campaignRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/v1/campaigns',
    summary: 'Create a campaign (draft)',
    request: createCampaignRequest,
    response: campaign,
    handle: (input) => campaigns(input).create(input.body),
  },
  {
    method: 'GET',
    path: '/v1/campaigns',
    summary: 'List campaigns, newest first',
    response: page(campaign),
    handle: (input) =>
      campaigns(input).list({ status: optional(input.query, 'status'), ...pageParameters(input.query) }),
  },
  {
    method: 'GET',
    path: '/v1/campaigns/{id}',
    summary: 'Get a campaign',
    response: campaign,
    handle: (input) => campaigns(input).get(id(input)),
  },
  {
    method: 'PATCH',
    path: '/v1/campaigns/{id}',
    summary: 'Change a draft or scheduled campaign',
    request: updateCampaignRequest,
    response: campaign,
    handle: (input) => campaigns(input).update(id(input), input.body),
  },
  ...(['schedule', 'pause', 'resume', 'end'] as const).map(
    (action): RouteDefinition => ({
      method: 'POST',
      path: `/v1/campaigns/{id}/${action}`,
      summary: `${action[0]!.toUpperCase()}${action.slice(1)} a campaign`,
      response: campaign,
      handle: (input) => campaigns(input)[action](id(input)),
    }),
  ),
  {
    method: 'GET',
    path: '/v1/campaigns/{id}/stats',
    summary: "A campaign's reach, claims and budget",
    response: campaignStats,
    handle: (input) => campaigns(input).stats(id(input)),
  },
  {
    method: 'POST',
    path: '/v1/campaigns/{id}/audience-estimate',
    summary: 'Count the wallets an audience expression reaches',
    request: audienceEstimateRequest,
    response: audienceEstimate,
    handle: (input) => campaigns(input).estimateAudience(id(input), input.body),
  },
  {
    method: 'POST',
    path: '/v1/campaigns/{id}/claims',
    summary: 'Claim a campaign benefit for a wallet',
    request: claimRequest,
    response: campaignClaim,
    tokenAccess: (scope, { body }) => scope.type === 'wallet' && scope.id === field(body, 'walletId'),
    handle: (input) => campaigns(input).claim(id(input), input.body as never),
  },
  {
    method: 'GET',
    path: '/v1/campaigns/{id}/claims',
    summary: "List a campaign's claims, newest first",
    response: page(campaignClaim),
    handle: (input) =>
      campaigns(input).listClaims(id(input), {
        walletId: optional(input.query, 'walletId'),
        status: optional(input.query, 'status'),
        ...pageParameters(input.query),
      }),
  },
  {
    method: 'POST',
    path: '/v1/campaigns/{id}/draw',
    summary: "Draw a lottery campaign's winners",
    request: drawRequest,
    response: lotteryDraw,
    handle: (input) => campaigns(input).draw(id(input), input.body as never),
  },
  {
    method: 'GET',
    path: '/v1/campaigns/{id}/draw',
    summary: "A lottery campaign's draw and audit",
    response: lotteryDraw,
    handle: (input) => {
      const draw = campaigns(input).getDraw(id(input))
      if (!draw) throw notFound('lottery draw of campaign', id(input))
      return draw
    },
  },
  {
    method: 'POST',
    path: '/v1/wallets/{id}/tags',
    summary: "Replace a wallet's customer tags",
    request: setWalletTagsRequest,
    response: wallet,
    handle: (input) => campaigns(input).setWalletTags(id(input), input.body as never),
  },
]
