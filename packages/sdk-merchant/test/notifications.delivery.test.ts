import { createRails, type Rails } from '@ecny/mock-rails'
import { computeUsccCheckChar } from '@ecny/sdk-core'
import { type MerchantReceiver, startFetchReceiver, startNodeReceiver } from '@ecny/test-utils'
import { afterEach, describe, expect, it } from 'vitest'

const card = '6222020000000007'
let receiver: MerchantReceiver | undefined
afterEach(async () => {
  await receiver?.close()
  receiver = undefined
})

async function setup(start: typeof startNodeReceiver, seed = 3) {
  const rails = createRails({ seed })
  receiver = await start({ gatewayKeys: await rails.jwks(), now: () => rails.clock.now() })
  const merchant = rails.seedMerchant({ notifyUrl: receiver.url })
  let n = 0
  const payer = rails.engine.openWallet({ level: 'WL04', mobile: '13900002222' }).id
  rails.engine.topUp(payer, { amount: 100_000, bankCard: card })
  const paidOrder = (amount: number) => {
    const order = rails.engine.createOrder({
      merchantId: merchant.id,
      merchantOrderNo: `N-${++n}`,
      amount,
      description: 'Tea',
      mode: 'qr',
    })
    rails.engine.payOrder(order.id, { walletId: payer })
    return order
  }
  return { rails, receiver, paidOrder }
}

function eventIds(rails: Rails) {
  return rails.notifications.list().map((n) => n.id)
}

describe.each([
  ['node:http adapter', startNodeReceiver],
  ['Fetch adapter', startFetchReceiver],
])('notification delivery to a real receiver (%s)', (_name, start) => {
  it('applies each event once despite duplicated and reordered deliveries', async () => {
    const { rails, receiver, paidOrder } = await setup(start)
    rails.faults.set({ duplicateNotifications: 1, reorderNotifications: 1 })
    const orders = [paidOrder(100), paidOrder(200), paidOrder(300), paidOrder(400)]
    rails.engine.createRefund(orders[1]!.id, { merchantRefundNo: 'RF-1', amount: 50 })
    await rails.notifications.deliverDue()
    const ids = eventIds(rails)
    expect(ids).toHaveLength(5)
    expect(receiver.received.length).toBe(10)
    expect(receiver.rejected).toEqual({ replayed: 5, invalid: 0 })
    for (const id of ids) expect(receiver.applied.get(id)).toBe(1)
    expect([...receiver.paid.values()].sort()).toEqual([100, 200, 300, 400])
    expect([...receiver.refunded.values()]).toEqual([50])
    expect(rails.notifications.list().every((n) => n.status === 'delivered')).toBe(true)
  })
})

describe('retries and rejections', () => {
  it('a receiver answering 500 gets the retry schedule (0, 15, 15, 30, 180 s) and the effect applies once', async () => {
    const { rails, receiver, paidOrder } = await setup(startNodeReceiver)
    receiver.failNext(4)
    paidOrder(500)
    const gaps = [0, 15, 15, 30, 180]
    for (const gap of gaps) {
      rails.clock.advance(gap * 1000)
      await rails.notifications.deliverDue()
    }
    const [record] = rails.notifications.list()
    const times = record!.attempts.map((a) => Date.parse(a.at))
    expect(times.map((t) => (t - times[0]!) / 1000)).toEqual([0, 15, 30, 60, 240])
    expect(record!.attempts.map((a) => a.httpStatus)).toEqual([500, 500, 500, 500, 200])
    expect(record!.status).toBe('delivered')
    expect(receiver.applied.get(record!.id)).toBe(1)
  })

  it('does not retry before the schedule says so', async () => {
    const { rails, receiver, paidOrder } = await setup(startNodeReceiver)
    receiver.failNext(1)
    paidOrder(100)
    await rails.notifications.deliverDue()
    rails.clock.advance(14_000)
    expect((await rails.notifications.deliverDue()).attempted).toBe(0)
    rails.clock.advance(1_000)
    expect((await rails.notifications.deliverDue()).delivered).toBe(1)
  })

  it('rejects a tampered notification and recognises a replayed one', async () => {
    const { rails, receiver, paidOrder } = await setup(startFetchReceiver)
    paidOrder(700)
    await rails.notifications.deliverDue()
    const original = receiver.received[0]!
    const headers = {
      'content-type': 'application/json',
      'ecny-signature': original.headers['ecny-signature']!,
      'ecny-notification-id': original.headers['ecny-notification-id']!,
    }
    const tampered = await fetch(receiver.url, {
      method: 'POST',
      headers,
      body: original.body.replace('"paidAmount":700', '"paidAmount":7'),
    })
    expect(tampered.status).toBe(400)
    const replayed = await fetch(receiver.url, { method: 'POST', headers, body: original.body })
    expect(await replayed.json()).toEqual({ code: 'SUCCESS' })
    expect(receiver.rejected).toEqual({ replayed: 1, invalid: 1 })
    expect([...receiver.applied.values()]).toEqual([1])
    expect([...receiver.paid.values()]).toEqual([700])
  })
})

describe('merchant review notifications', () => {
  it('delivers merchant.rejected, then merchant.approved after the fix, signed like every notification', async () => {
    const rails = createRails({ seed: 9 })
    const domain = rails.merchantDomain
    receiver = await startNodeReceiver({ gatewayKeys: await rails.jwks(), now: () => rails.clock.now() })
    const name = '深圳示例有限公司'
    const uscc = `91440300MA5F00000${computeUsccCheckChar('91440300MA5F00000')}`
    const wallet = rails.engine.openWallet({
      type: 'WT09',
      entity: { legalName: name, uscc },
      settlementAccount: { accountNo: '6100000000005555', accountName: name },
    }).id
    const draft = domain.createApplication({
      legalName: name,
      uscc,
      mcc: '5411',
      contactMobile: '13800003333',
      settlementWalletId: wallet,
      notifyUrl: receiver.url,
      legalRepresentative: { name: '钱七', idType: 'IT01', idNumber: '110105200002291235' },
    })
    domain.submitApplication(draft.id)
    await rails.notifications.deliverDue()
    for (const type of ['business_licence', 'legal_rep_id', 'account_proof'] as const) {
      domain.uploadDocument(draft.id, {
        type,
        contentType: 'application/pdf',
        size: 1,
        sha256: 'b'.repeat(64),
      })
    }
    domain.submitApplication(draft.id)
    await rails.notifications.deliverDue()
    expect(receiver.events.map((e) => e.type)).toEqual(['merchant.rejected', 'merchant.approved'])
    const [rejected, approved] = receiver.events
    if (rejected?.type === 'merchant.rejected')
      expect(rejected.data.rejections.map((r) => r.field)).toContain('documents.account_proof')
    if (approved?.type === 'merchant.approved')
      expect(approved.data).toMatchObject({ id: draft.id, status: 'approved' })
    expect(rails.notifications.list().map((n) => n.status)).toEqual(['delivered', 'delivered'])
  })
})
