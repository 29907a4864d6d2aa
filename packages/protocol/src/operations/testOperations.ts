/**
 * Test-mode controls: a sandbox in test mode moves its clock, triggers order events, resends and
 * hands out notifications, sets faults and reports its ledger's verification. Signed with the app's
 * credentials like every call; a gateway not in test mode answers 403 `permission_denied`.
 */
import {
  advanceTestClockRequest,
  claimTestNotificationsRequest,
  listTestNotificationsQuery,
  reportForwardedDeliveryRequest,
  setTestFaultsRequest,
  triggerTestEventRequest,
} from '../requests/testControls.js'
import {
  claimedDeliveries,
  ledgerVerification,
  testClock,
  testFaults,
  testNotification,
  testNotificationList,
  testTrigger,
} from '../schemas/testControls.js'
import { defineOperation } from './defineOperation.js'

export const getTestClock = defineOperation({
  name: 'getTestClock',
  method: 'GET',
  path: '/v1/test/clock',
  summary: 'Test mode: read the rails clock',
  response: testClock,
  responseName: 'TestClock',
  testMode: true,
})

export const advanceTestClock = defineOperation({
  name: 'advanceTestClock',
  method: 'POST',
  path: '/v1/test/clock/advance',
  summary:
    'Test mode: move the rails clock forward (usage resets, order expiry, notification retries, campaign windows)',
  request: advanceTestClockRequest,
  requestName: 'AdvanceTestClockRequest',
  response: testClock,
  responseName: 'TestClock',
  testMode: true,
})

export const triggerTestEvent = defineOperation({
  name: 'triggerTestEvent',
  method: 'POST',
  path: '/v1/test/triggers',
  summary: 'Test mode: pay an unpaid order from a test wallet, expire it, or fail it',
  request: triggerTestEventRequest,
  requestName: 'TriggerTestEventRequest',
  response: testTrigger,
  responseName: 'TestTrigger',
  testMode: true,
})

export const listTestNotifications = defineOperation({
  name: 'listTestNotifications',
  method: 'GET',
  path: '/v1/test/notifications',
  summary: "Test mode: the app's notifications with every delivery attempt",
  query: listTestNotificationsQuery,
  response: testNotificationList,
  responseName: 'TestNotificationList',
  testMode: true,
})

export const resendTestNotification = defineOperation({
  name: 'resendTestNotification',
  method: 'POST',
  path: '/v1/test/notifications/{id}/resend',
  summary: 'Test mode: deliver a notification once more, now, and answer with its attempts',
  response: testNotification,
  responseName: 'TestNotification',
  testMode: true,
})

export const claimTestNotifications = defineOperation({
  name: 'claimTestNotifications',
  method: 'POST',
  path: '/v1/test/notifications/claim',
  summary: "Test mode: take the app's pending notifications to forward them (ecny listen), signed as sent",
  request: claimTestNotificationsRequest,
  requestName: 'ClaimTestNotificationsRequest',
  response: claimedDeliveries,
  responseName: 'ClaimedDeliveries',
  testMode: true,
})

export const reportForwardedDelivery = defineOperation({
  name: 'reportForwardedDelivery',
  method: 'POST',
  path: '/v1/test/notifications/{id}/forwarded',
  summary: "Test mode: the answer to a claimed notification, recorded as that delivery's attempt",
  request: reportForwardedDeliveryRequest,
  requestName: 'ReportForwardedDeliveryRequest',
  response: testNotification,
  responseName: 'TestNotification',
  testMode: true,
})

export const getTestFaults = defineOperation({
  name: 'getTestFaults',
  method: 'GET',
  path: '/v1/test/faults',
  summary: 'Test mode: the faults in force',
  response: testFaults,
  responseName: 'TestFaults',
  testMode: true,
})

export const setTestFaults = defineOperation({
  name: 'setTestFaults',
  method: 'POST',
  path: '/v1/test/faults',
  summary: 'Test mode: replace the faults (an empty body calms the gateway)',
  request: setTestFaultsRequest,
  requestName: 'SetTestFaultsRequest',
  response: testFaults,
  responseName: 'TestFaults',
  testMode: true,
})

export const verifyTestLedger = defineOperation({
  name: 'verifyTestLedger',
  method: 'GET',
  path: '/v1/test/ledger/verification',
  summary: "Test mode: the ledger's verification (every fen accounted for)",
  response: ledgerVerification,
  responseName: 'LedgerVerification',
  testMode: true,
})
