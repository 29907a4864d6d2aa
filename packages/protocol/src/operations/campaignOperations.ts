/** Campaign operations: design, lifecycle, audience, claims, lotteries and customer tags. */

import * as z from 'zod/mini'
import {
  audienceEstimateRequest,
  claimRequest,
  createCampaignRequest,
  drawRequest,
  listCampaignsQuery,
  listClaimsQuery,
  setWalletTagsRequest,
  standaloneAudienceEstimateRequest,
  updateCampaignRequest,
} from '../requests/campaigns.js'
import { pageQuery } from '../requests/queries.js'
import {
  audienceEstimate,
  campaign,
  campaignClaim,
  campaignStats,
  lotteryDraw,
} from '../schemas/campaigns.js'
import { page } from '../schemas/common.js'
import { wallet } from '../schemas/wallets.js'
import { defineOperation } from './defineOperation.js'

export const createCampaign = defineOperation({
  name: 'createCampaign',
  method: 'POST',
  path: '/v1/campaigns',
  summary: 'Create a campaign (draft)',
  request: createCampaignRequest,
  requestName: 'CreateCampaignRequest',
  response: campaign,
  responseName: 'Campaign',
})

export const listCampaigns = defineOperation({
  name: 'listCampaigns',
  method: 'GET',
  path: '/v1/campaigns',
  summary: 'List campaigns, newest first',
  query: z.extend(listCampaignsQuery, pageQuery.shape),
  response: page(campaign),
  responseName: 'CampaignPage',
})

export const getCampaign = defineOperation({
  name: 'getCampaign',
  method: 'GET',
  path: '/v1/campaigns/{id}',
  summary: 'Get a campaign',
  response: campaign,
  responseName: 'Campaign',
})

export const updateCampaign = defineOperation({
  name: 'updateCampaign',
  method: 'PATCH',
  path: '/v1/campaigns/{id}',
  summary: 'Change a draft or scheduled campaign',
  request: updateCampaignRequest,
  requestName: 'UpdateCampaignRequest',
  response: campaign,
  responseName: 'Campaign',
})

const lifecycle = (action: 'schedule' | 'pause' | 'resume' | 'end', summary: string) =>
  defineOperation({
    name: `${action}Campaign`,
    method: 'POST',
    path: `/v1/campaigns/{id}/${action}`,
    summary,
    response: campaign,
    responseName: 'Campaign',
  })

export const scheduleCampaign = lifecycle('schedule', 'Schedule a campaign')
export const pauseCampaign = lifecycle('pause', 'Pause a campaign')
export const resumeCampaign = lifecycle('resume', 'Resume a campaign')
export const endCampaign = lifecycle('end', 'End a campaign')

export const getCampaignStats = defineOperation({
  name: 'getCampaignStats',
  method: 'GET',
  path: '/v1/campaigns/{id}/stats',
  summary: "A campaign's reach, claims and budget",
  response: campaignStats,
  responseName: 'CampaignStats',
})

export const estimateAudience = defineOperation({
  name: 'estimateAudience',
  method: 'POST',
  path: '/v1/campaigns/{id}/audience-estimate',
  summary: 'Count the wallets an audience expression reaches',
  request: audienceEstimateRequest,
  requestName: 'AudienceEstimateRequest',
  response: audienceEstimate,
  responseName: 'AudienceEstimate',
})

export const estimateStandaloneAudience = defineOperation({
  name: 'estimateStandaloneAudience',
  method: 'POST',
  path: '/v1/audience-estimates',
  summary: 'Count the wallets an audience expression reaches, before any campaign uses it',
  request: standaloneAudienceEstimateRequest,
  requestName: 'StandaloneAudienceEstimateRequest',
  response: audienceEstimate,
  responseName: 'AudienceEstimate',
})

export const claimCampaign = defineOperation({
  name: 'claimCampaign',
  method: 'POST',
  path: '/v1/campaigns/{id}/claims',
  summary: 'Claim a campaign benefit for a wallet',
  request: claimRequest,
  requestName: 'ClaimRequest',
  response: campaignClaim,
  responseName: 'CampaignClaim',
  tokenScopes: ['wallet'],
})

export const listClaims = defineOperation({
  name: 'listClaims',
  method: 'GET',
  path: '/v1/campaigns/{id}/claims',
  summary: "List a campaign's claims, newest first",
  query: z.extend(listClaimsQuery, pageQuery.shape),
  response: page(campaignClaim),
  responseName: 'CampaignClaimPage',
})

export const drawLottery = defineOperation({
  name: 'drawLottery',
  method: 'POST',
  path: '/v1/campaigns/{id}/draw',
  summary: "Draw a lottery campaign's winners",
  request: drawRequest,
  requestName: 'DrawRequest',
  response: lotteryDraw,
  responseName: 'LotteryDraw',
})

export const getLotteryDraw = defineOperation({
  name: 'getLotteryDraw',
  method: 'GET',
  path: '/v1/campaigns/{id}/draw',
  summary: "A lottery campaign's draw and audit",
  response: lotteryDraw,
  responseName: 'LotteryDraw',
})

export const setWalletTags = defineOperation({
  name: 'setWalletTags',
  method: 'POST',
  path: '/v1/wallets/{id}/tags',
  summary: "Replace a wallet's customer tags",
  request: setWalletTagsRequest,
  requestName: 'SetWalletTagsRequest',
  response: wallet,
  responseName: 'Wallet',
})
