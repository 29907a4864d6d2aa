import type { CallOptions } from '@ecny/sdk-core'
import {
  type CreateCampaignParameters,
  type CreateCampaignReturnType,
  createCampaign,
} from '../../actions/campaigns/createCampaign.js'
import {
  type DrawCampaignLotteryParameters,
  type DrawCampaignLotteryReturnType,
  drawCampaignLottery,
} from '../../actions/campaigns/drawCampaignLottery.js'
import {
  type EndCampaignParameters,
  type EndCampaignReturnType,
  endCampaign,
} from '../../actions/campaigns/endCampaign.js'
import {
  type EstimateCampaignAudienceParameters,
  type EstimateCampaignAudienceReturnType,
  estimateCampaignAudience,
} from '../../actions/campaigns/estimateCampaignAudience.js'
import {
  type GetCampaignParameters,
  type GetCampaignReturnType,
  getCampaign,
} from '../../actions/campaigns/getCampaign.js'
import {
  type GetCampaignStatsParameters,
  type GetCampaignStatsReturnType,
  getCampaignStats,
} from '../../actions/campaigns/getCampaignStats.js'
import {
  type ListCampaignClaimsParameters,
  type ListCampaignClaimsReturnType,
  listCampaignClaims,
} from '../../actions/campaigns/listCampaignClaims.js'
import {
  type ListCampaignsParameters,
  type ListCampaignsReturnType,
  listCampaigns,
} from '../../actions/campaigns/listCampaigns.js'
import {
  type PauseCampaignParameters,
  type PauseCampaignReturnType,
  pauseCampaign,
} from '../../actions/campaigns/pauseCampaign.js'
import {
  type ResumeCampaignParameters,
  type ResumeCampaignReturnType,
  resumeCampaign,
} from '../../actions/campaigns/resumeCampaign.js'
import {
  type ScheduleCampaignParameters,
  type ScheduleCampaignReturnType,
  scheduleCampaign,
} from '../../actions/campaigns/scheduleCampaign.js'
import {
  type UpdateCampaignParameters,
  type UpdateCampaignReturnType,
  updateCampaign,
} from '../../actions/campaigns/updateCampaign.js'
import type { MerchantBaseClient } from '../MerchantBaseClient.js'
import { type PointsActions, pointsActions } from './pointsActions.js'

type Read = Omit<CallOptions, 'idempotencyKey'>

/** Campaign administration (`client.campaigns.*`). */
export type CampaignActions = {
  campaigns: {
    /** Creates a draft, validated locally first. See {@link createCampaign}. */
    create: (parameters: CreateCampaignParameters, options?: CallOptions) => Promise<CreateCampaignReturnType>
    /** Reads a campaign. See {@link getCampaign}. */
    get: (parameters: GetCampaignParameters, options?: Read) => Promise<GetCampaignReturnType>
    /** Lists campaigns, a page at a time. See {@link listCampaigns}. */
    list: (parameters?: ListCampaignsParameters, options?: Read) => Promise<ListCampaignsReturnType>
    /** Changes a draft or scheduled campaign. See {@link updateCampaign}. */
    update: (parameters: UpdateCampaignParameters, options?: CallOptions) => Promise<UpdateCampaignReturnType>
    /** Schedules a draft (active from validity.from). See {@link scheduleCampaign}. */
    schedule: (
      parameters: ScheduleCampaignParameters,
      options?: CallOptions,
    ) => Promise<ScheduleCampaignReturnType>
    /** Pauses an active campaign. See {@link pauseCampaign}. */
    pause: (parameters: PauseCampaignParameters, options?: CallOptions) => Promise<PauseCampaignReturnType>
    /** Resumes a paused campaign. See {@link resumeCampaign}. */
    resume: (parameters: ResumeCampaignParameters, options?: CallOptions) => Promise<ResumeCampaignReturnType>
    /** Ends a campaign now. See {@link endCampaign}. */
    end: (parameters: EndCampaignParameters, options?: CallOptions) => Promise<EndCampaignReturnType>
    /** Reach, claims and money, agreeing with the ledger. See {@link getCampaignStats}. */
    stats: (parameters: GetCampaignStatsParameters, options?: Read) => Promise<GetCampaignStatsReturnType>
    /** Sizes an audience locally and on the gateway. See {@link estimateCampaignAudience}. */
    estimateAudience: (
      parameters: EstimateCampaignAudienceParameters,
      options?: CallOptions,
    ) => Promise<EstimateCampaignAudienceReturnType>
    /** Draws a lottery and verifies its audit. See {@link drawCampaignLottery}. */
    draw: (
      parameters: DrawCampaignLotteryParameters,
      options?: CallOptions,
    ) => Promise<DrawCampaignLotteryReturnType>
    /** Lists claims and entries. See {@link listCampaignClaims}. */
    claims: (
      parameters: ListCampaignClaimsParameters,
      options?: Read,
    ) => Promise<ListCampaignClaimsReturnType>
    /** Wallets' points: balance, ledger, adjustments, rules. See {@link pointsActions}. */
    points: PointsActions
  }
}

/**
 * Binds the campaign administration actions as `client.campaigns.*`.
 *
 * @example
 * const { campaigns } = campaignActions(base)
 * const draft = await campaigns.create({ rule, organiserWalletId })
 * await campaigns.schedule({ campaignId: draft.id })
 */
export function campaignActions(client: MerchantBaseClient): CampaignActions {
  return {
    campaigns: {
      create: (parameters, options) => createCampaign(client, parameters, options),
      get: (parameters, options) => getCampaign(client, parameters, options),
      list: (parameters, options) => listCampaigns(client, parameters, options),
      update: (parameters, options) => updateCampaign(client, parameters, options),
      schedule: (parameters, options) => scheduleCampaign(client, parameters, options),
      pause: (parameters, options) => pauseCampaign(client, parameters, options),
      resume: (parameters, options) => resumeCampaign(client, parameters, options),
      end: (parameters, options) => endCampaign(client, parameters, options),
      stats: (parameters, options) => getCampaignStats(client, parameters, options),
      estimateAudience: (parameters, options) => estimateCampaignAudience(client, parameters, options),
      draw: (parameters, options) => drawCampaignLottery(client, parameters, options),
      claims: (parameters, options) => listCampaignClaims(client, parameters, options),
      points: pointsActions(client),
    },
  }
}
