import type { CallOptions } from '@ecny/sdk-core'
import {
  type AdjustWalletPointsParameters,
  type AdjustWalletPointsReturnType,
  adjustWalletPoints,
} from '../../actions/points/adjustWalletPoints.js'
import {
  type GetWalletPointsParameters,
  type GetWalletPointsReturnType,
  getWalletPoints,
} from '../../actions/points/getWalletPoints.js'
import {
  type ListWalletPointsEntriesParameters,
  type ListWalletPointsEntriesReturnType,
  listWalletPointsEntries,
} from '../../actions/points/listWalletPointsEntries.js'
import {
  type DepositToPointsFundParameters,
  depositToPointsFund,
  getPointsFund,
  type PointsFundReturnType,
} from '../../actions/points/pointsFundActions.js'
import {
  getPointsRules,
  type PointsRulesReturnType,
  type UpdatePointsRulesParameters,
  updatePointsRules,
} from '../../actions/points/pointsRulesActions.js'
import type { MerchantBaseClient } from '../MerchantBaseClient.js'

type Read = Omit<CallOptions, 'idempotencyKey'>

/** The points ledger for a campaign team (`client.campaigns.points.*`). */
export type PointsActions = {
  /** A wallet's points. See {@link getWalletPoints}. */
  get: (parameters: GetWalletPointsParameters, options?: Read) => Promise<GetWalletPointsReturnType>
  /** A page of a wallet's points ledger. See {@link listWalletPointsEntries}. */
  entries: (
    parameters: ListWalletPointsEntriesParameters,
    options?: Read,
  ) => Promise<ListWalletPointsEntriesReturnType>
  /** A correction with its reason. See {@link adjustWalletPoints}. */
  adjust: (
    parameters: AdjustWalletPointsParameters,
    options?: CallOptions,
  ) => Promise<AdjustWalletPointsReturnType>
  /** The programme's rules. See {@link getPointsRules}. */
  rules: (options?: Read) => Promise<PointsRulesReturnType>
  /** Changes rules. See {@link updatePointsRules}. */
  updateRules: (parameters: UpdatePointsRulesParameters, options?: Read) => Promise<PointsRulesReturnType>
  /** The programme's fund. See {@link getPointsFund}. */
  fund: (options?: Read) => Promise<PointsFundReturnType>
  /** Money into the fund. See {@link depositToPointsFund}. */
  deposit: (parameters: DepositToPointsFundParameters, options?: CallOptions) => Promise<PointsFundReturnType>
}

export function pointsActions(client: MerchantBaseClient): PointsActions {
  return {
    get: (parameters, options) => getWalletPoints(client, parameters, options),
    entries: (parameters, options) => listWalletPointsEntries(client, parameters, options),
    adjust: (parameters, options) => adjustWalletPoints(client, parameters, options),
    rules: (options) => getPointsRules(client, options),
    updateRules: (parameters, options) => updatePointsRules(client, parameters, options),
    fund: (options) => getPointsFund(client, options),
    deposit: (parameters, options) => depositToPointsFund(client, parameters, options),
  }
}
