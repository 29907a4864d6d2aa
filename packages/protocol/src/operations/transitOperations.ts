/** Transit operations: ride codes (乘车码) and their scans, the operating day's close, a hardware wallet's offline cap. */
import {
  closeTransitDayRequest,
  issueHardwareWalletRequest,
  issueRideCodeRequest,
  rideScanRequest,
  setOfflineCapRequest,
} from '../requests/transit.js'
import { offlineCap, rideCode, rideScan, transitDay } from '../schemas/transit.js'
import { wallet } from '../schemas/wallets.js'
import { defineOperation } from './defineOperation.js'

export const issueRideCode = defineOperation({
  name: 'issueRideCode',
  method: 'POST',
  path: '/v1/transit/ride-codes',
  summary: 'Issue a ride code (乘车码) backed by a sub-wallet pushed to the operator',
  request: issueRideCodeRequest,
  requestName: 'IssueRideCodeRequest',
  response: rideCode,
  responseName: 'RideCode',
})

export const scanRideCode = defineOperation({
  name: 'scanRideCode',
  method: 'POST',
  path: '/v1/transit/ride-scans',
  summary: 'A ride code scanned at an entry or exit gate (the exit prices and debits the trip once)',
  request: rideScanRequest,
  requestName: 'RideScanRequest',
  response: rideScan,
  responseName: 'RideScan',
})

export const closeTransitDay = defineOperation({
  name: 'closeTransitDay',
  method: 'POST',
  path: '/v1/transit/operating-days',
  summary: "Close an operating day: open trips by the operator's rule, and the day's reconciliation",
  request: closeTransitDayRequest,
  requestName: 'CloseTransitDayRequest',
  response: transitDay,
  responseName: 'TransitDay',
})

export const setOfflineCap = defineOperation({
  name: 'setOfflineCap',
  method: 'POST',
  path: '/v1/wallets/{id}/offline-cap',
  summary: "The holder sets a hardware wallet's offline cap (going online)",
  request: setOfflineCapRequest,
  requestName: 'SetOfflineCapRequest',
  response: offlineCap,
  responseName: 'OfflineCap',
  tokenScopes: ['wallet'],
})

export const issueHardwareWallet = defineOperation({
  name: 'issueHardwareWallet',
  method: 'POST',
  path: '/v1/wallets/{id}/hardware-wallets',
  summary: 'Issue a hardware wallet (WT03: card, SIM, wearable) linked to a personal wallet',
  request: issueHardwareWalletRequest,
  requestName: 'IssueHardwareWalletRequest',
  response: wallet,
  responseName: 'Wallet',
  tokenScopes: ['wallet'],
})
