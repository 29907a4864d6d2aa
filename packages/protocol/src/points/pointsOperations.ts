/**
 * The points ledger's operations: a table of its own (not in `operations`), so the SDK's wallet
 * actions that a browser bundles do not pull these schemas in. The simulator serves both tables.
 */
import { defineOperation } from '../operations/defineOperation.js'
import { pageQuery } from '../requests/queries.js'
import { page } from '../schemas/common.js'
import {
  adjustPointsRequest,
  fundPointsRequest,
  redeemPointsRequest,
  updatePointsRulesRequest,
} from './pointsRequests.js'
import { pointsBalance, pointsEntry, pointsFund, pointsRules } from './pointsSchemas.js'

export const pointsOperations = {
  getPoints: defineOperation({
    name: 'getPoints',
    method: 'GET',
    path: '/v1/wallets/{id}/points',
    summary: "A wallet's points: credited, pending, redemptions left today",
    response: pointsBalance,
    responseName: 'PointsBalance',
    tokenScopes: ['wallet'],
  }),
  listPointsEntries: defineOperation({
    name: 'listPointsEntries',
    method: 'GET',
    path: '/v1/wallets/{id}/points/entries',
    summary: "A wallet's points ledger, newest first",
    query: pageQuery,
    response: page(pointsEntry),
    responseName: 'PointsEntryPage',
    tokenScopes: ['wallet'],
  }),
  redeemPoints: defineOperation({
    name: 'redeemPoints',
    method: 'POST',
    path: '/v1/wallets/{id}/points/redemptions',
    summary: 'Redeem points against an open order: they pay part of it',
    request: redeemPointsRequest,
    requestName: 'RedeemPointsRequest',
    response: pointsEntry,
    responseName: 'PointsEntry',
    tokenScopes: ['wallet'],
  }),
  adjustPoints: defineOperation({
    name: 'adjustPoints',
    method: 'POST',
    path: '/v1/wallets/{id}/points/adjustments',
    summary: "A campaign team's correction of a wallet's points",
    request: adjustPointsRequest,
    requestName: 'AdjustPointsRequest',
    response: pointsEntry,
    responseName: 'PointsEntry',
  }),
  getPointsRules: defineOperation({
    name: 'getPointsRules',
    method: 'GET',
    path: '/v1/points/rules',
    summary: "The points programme's rules",
    response: pointsRules,
    responseName: 'PointsRules',
  }),
  updatePointsRules: defineOperation({
    name: 'updatePointsRules',
    method: 'PATCH',
    path: '/v1/points/rules',
    summary: "Change the points programme's rules",
    request: updatePointsRulesRequest,
    requestName: 'UpdatePointsRulesRequest',
    response: pointsRules,
    responseName: 'PointsRules',
  }),
  getPointsFund: defineOperation({
    name: 'getPointsFund',
    method: 'GET',
    path: '/v1/points/fund',
    summary: "The points programme's fund: balance, reserved for open orders, available",
    response: pointsFund,
    responseName: 'PointsFund',
  }),
  fundPoints: defineOperation({
    name: 'fundPoints',
    method: 'POST',
    path: '/v1/points/fund/deposits',
    summary: "Put money into the points programme's fund",
    request: fundPointsRequest,
    requestName: 'FundPointsRequest',
    response: pointsFund,
    responseName: 'PointsFund',
  }),
}
