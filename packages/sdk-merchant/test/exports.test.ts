import { describe, expect, it } from 'vitest'
import * as merchant from '../src/index.js'

describe('public surface', () => {
  it('exports the client, every action, notification helpers and reconciliation', () => {
    const required = [
      'createMerchantClient',
      // onboarding
      'createMerchantApplication',
      'uploadMerchantDocument',
      'submitMerchantApplication',
      'getMerchant',
      'updateMerchantApplication',
      'createScene',
      'createTerminal',
      'createQrCode',
      'renderQrSvg',
      'renderQrPng',
      // orders and refunds
      'createOrder',
      'getOrder',
      'getOrderByMerchantOrderNo',
      'closeOrder',
      'cancelOrder',
      'waitForOrderFinal',
      'resolveUnknownOutcome',
      'createRefund',
      'getRefund',
      'listRefunds',
      // notifications
      'verifyNotification',
      'createNodeNotificationVerifier',
      'createExpressNotificationVerifier',
      'createFetchNotificationVerifier',
      'ackNotification',
      'ackNotificationResponse',
      'createMemoryReplayStore',
      'signTestNotification',
      'createTestNotificationKeys',
      // statements, gov, transit, reconciliation
      'downloadStatement',
      'createGovBill',
      'getGovBill',
      'payGovBillByQr',
      'getGovBillReceipt',
      'uploadTapBatch',
      'reconcile',
      'parseStatementCsv',
      // decorators
      'onboardingActions',
      'orderActions',
      'refundActions',
      'notificationActions',
      'statementActions',
      'campaignActions',
      'transitActions',
      'govActions',
    ]
    for (const name of required)
      expect(typeof (merchant as Record<string, unknown>)[name], name).toBe('function')
  })

  it('the client has every namespace', () => {
    const client = merchant.createMerchantClient({
      baseUrl: 'https://rails.test',
      credentials: { appId: 'app', privateKey: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'd' } },
      gatewayKeys: { keys: [] },
    })
    for (const namespace of [
      'onboarding',
      'orders',
      'refunds',
      'notifications',
      'statements',
      'campaigns',
      'transit',
      'gov',
    ]) {
      expect(client, namespace).toHaveProperty(namespace)
    }
    expect(typeof client.campaigns).toBe('object')
  })
})
