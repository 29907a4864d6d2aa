/**
 * Points routes (the protocol's `pointsOperations` table).
 *
 * GET   /v1/wallets/{id}/points               → PointsBalance; a wallet token may read its own
 * GET   /v1/wallets/{id}/points/entries       ?limit&cursor → page of PointsEntry, newest first
 * POST  /v1/wallets/{id}/points/redemptions   {orderId, points} → PointsEntry (against an open order);
 *                                             404 not_found; 409 points_order_not_open | points_balance_negative |
 *                                             points_insufficient | points_redemption_cap_reached |
 *                                             points_exceed_order | points_fund_insufficient
 * POST  /v1/wallets/{id}/points/adjustments   {points, reason} → PointsEntry (server credentials only)
 * GET   /v1/points/rules · PATCH /v1/points/rules {…} → PointsRules
 * GET   /v1/points/fund · POST /v1/points/fund/deposits {amount} → PointsFund (server credentials only)
 */
import { pointsOperations } from '@ecny/protocol/points'
import { pageParameters } from '../../http/pageParameters.js'
import type { RouteDefinition, RouteInput } from '../../http/routeDefinition.js'

const id = (input: RouteInput) => input.params.id!
const ownWallet: RouteDefinition['tokenAccess'] = (scope, input) =>
  scope.type === 'wallet' && scope.id === id(input)

export const pointsRoutes: RouteDefinition[] = [
  {
    ...pointsOperations.getPoints,
    tokenAccess: ownWallet,
    handle: (input) => input.campaigns.points.get(id(input)),
  },
  {
    ...pointsOperations.listPointsEntries,
    tokenAccess: ownWallet,
    handle: (input) => input.campaigns.points.list(id(input), pageParameters(input.query)),
  },
  {
    ...pointsOperations.redeemPoints,
    tokenAccess: ownWallet,
    handle: (input) => input.campaigns.points.redeem(id(input), input.body),
  },
  {
    ...pointsOperations.adjustPoints,
    handle: (input) => input.campaigns.points.adjust(id(input), input.body),
  },
  {
    ...pointsOperations.getPointsRules,
    handle: (input) => input.campaigns.points.rules(),
  },
  {
    ...pointsOperations.updatePointsRules,
    handle: (input) => input.campaigns.points.updateRules(input.body),
  },
  {
    ...pointsOperations.getPointsFund,
    handle: (input) => input.campaigns.points.fund(),
  },
  {
    ...pointsOperations.fundPoints,
    handle: (input) => input.campaigns.points.deposit(input.body),
  },
]
