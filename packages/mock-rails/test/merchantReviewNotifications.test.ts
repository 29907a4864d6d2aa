import { notificationEvent } from '@ecny/protocol'
import { computeUsccCheckChar } from '@ecny/sdk-core/internal'
import { testCard, testRails, verifyGatewayResponse } from '@ecny/test-utils'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import type { Rails } from '../src/createRails.js'

type Received = { url: string; at: number; body: string; signature: string | null }
const received: Received[] = []
let failures = 0
let clockNow = () => 0

const server = setupServer(
  http.post('https://merchant.test/*', async ({ request }) => {
    received.push({
      url: request.url,
      at: clockNow(),
      body: await request.text(),
      signature: request.headers.get('ecny-signature'),
    })
    if (failures > 0) {
      failures--
      return new HttpResponse(null, { status: 503 })
    }
    return HttpResponse.json({ code: 'SUCCESS' })
  }),
)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  received.length = 0
  failures = 0
})
afterAll(() => server.close())

const legalName = '杭州评审科技有限公司'
const uscc = `91330100MA2AB0002${computeUsccCheckChar('91330100MA2AB0002')}`

/** An application missing its documents: the review rejects it. */
function rejectedApplication(rails: Rails, notifyUrl?: string) {
  const settlement = rails.engine.openWallet({
    type: 'WT09',
    entity: { legalName, uscc },
    settlementAccount: { accountNo: '6100000000007777', accountName: legalName },
  })
  const draft = rails.merchantDomain.createApplication({
    legalName,
    uscc,
    mcc: '5411',
    legalRepresentative: { name: '孙八', idType: 'IT01', idNumber: '110105200002291235' },
    contactMobile: '13800004444',
    settlementWalletId: settlement.id,
    ...(notifyUrl && { notifyUrl }),
  })
  return rails.merchantDomain.submitApplication(draft.id)
}

function setup() {
  const t = testRails()
  clockNow = () => t.rails.clock.now()
  return t
}

describe('merchant review notifications', () => {
  it('share the one outbox with order events: one id sequence, list(), signed envelope', async () => {
    const { rails, engine, merchant } = setup()
    const wallet = engine.openWallet({ level: 'WL04', mobile: '13800138000' })
    engine.topUp(wallet.id, { amount: 1_000, bankCard: testCard })
    const order = engine.createOrder({
      merchantId: merchant.id,
      merchantOrderNo: 'R-1',
      amount: 100,
      description: 'x',
      mode: 'qr',
    })
    engine.payOrder(order.id, { walletId: wallet.id })
    const reviewed = rejectedApplication(rails, 'https://merchant.test/review')
    expect(rails.notifications.pendingCount()).toBe(2)
    await rails.notifications.deliverDue()

    const listed = rails.notifications.list()
    expect(listed.map((n) => [n.type, n.status, n.url])).toEqual([
      ['order.succeeded', 'delivered', 'https://merchant.test/notify'],
      ['merchant.rejected', 'delivered', 'https://merchant.test/review'],
    ])
    expect(listed.map((n) => n.id)).toEqual(['evt_00000001', 'evt_00000002'])
    expect(listed[1]!.data).toMatchObject({ id: reviewed.id, status: 'rejected' })

    const review = received.find((r) => r.url === 'https://merchant.test/review')!
    const event = z.parse(notificationEvent, JSON.parse(review.body))
    expect(event).toMatchObject({ id: 'evt_00000002', type: 'merchant.rejected', attempt: 1 })
    const claims = await verifyGatewayResponse(
      await rails.jwks(),
      review.signature,
      new TextEncoder().encode(review.body),
      'ecny-notification+jws',
    )
    expect(claims.rid).toBe(event.id)
  })

  it('are retried on the rails schedule, and duplicated by the duplicate fault', async () => {
    const { rails } = setup()
    const start = rails.clock.now()
    failures = 3
    rejectedApplication(rails, 'https://merchant.test/review')
    for (let i = 0; i < 10 && rails.notifications.pendingCount() > 0; i++) {
      await rails.notifications.deliverDue()
      const next = rails.notifications.list()[0]!.nextAttemptAt
      if (next) rails.clock.set(next)
    }
    expect(received.map((r) => (r.at - start) / 1000)).toEqual([0, 15, 30, 60])
    expect(rails.notifications.list()[0]).toMatchObject({ type: 'merchant.rejected', status: 'delivered' })

    received.length = 0
    rails.faults.set({ duplicateNotifications: 1 })
    rails.merchantDomain.submitApplication(rails.notifications.list()[0]!.data.id)
    await rails.notifications.deliverDue()
    expect(received.map((r) => JSON.parse(r.body).id)).toEqual(['evt_00000002', 'evt_00000002'])
  })

  it('an application without a notify URL is recorded as no_endpoint', () => {
    const { rails } = setup()
    rejectedApplication(rails)
    expect(rails.notifications.list()).toMatchObject([{ type: 'merchant.rejected', status: 'no_endpoint' }])
  })
})
