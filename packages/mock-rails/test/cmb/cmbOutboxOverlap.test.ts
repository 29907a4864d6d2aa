import type { Order } from '@ecny/protocol'
import { describe, expect, it } from 'vitest'
import { cmbHarness } from './cmbHarness.js'

const qr = (merchantOrderNo: string) => ({
  method: 'POST',
  path: '/v1/orders',
  body: { merchantOrderNo, amount: 800, description: 'Tea', mode: 'qr', notifyUrl: 'https://shop.test/cmb' },
})

const tick = () => new Promise((resolve) => setImmediate(resolve))

/** A receiver whose k-th request waits until the test releases it, so delivery rounds can overlap. */
function heldReceiver(answerFor: (call: number) => Response) {
  const held: Array<() => void> = []
  const fetch = (async () => {
    const call = held.length + 1
    await new Promise<void>((resolve) => held.push(resolve))
    return answerFor(call)
  }) as unknown as typeof globalThis.fetch
  return { fetch, calls: () => held.length, release: (call: number) => held[call - 1]?.() }
}

async function paidOrder(h: ReturnType<typeof cmbHarness>, merchantOrderNo: string) {
  const created = await h.ok<Order & { cmbOrderId: string }>(qr(merchantOrderNo))
  h.rails.engine.payOrder(created.cmbOrderId, { walletId: h.wallet.id })
}

describe('CMB notification rounds that overlap', () => {
  it('a notification still being sent is not sent again by the next round', async () => {
    let h!: ReturnType<typeof cmbHarness>
    const receiver = heldReceiver(() => {
      const ack = h.operator.ack()
      return new Response(ack.body, { status: 200 })
    })
    h = cmbHarness({ notifyFetch: receiver.fetch })
    await paidOrder(h, 'OV-1')

    const first = h.door.notifications.deliverDue()
    await tick()
    const second = h.door.notifications.deliverDue()
    await tick()
    const sent = receiver.calls()
    for (let call = 1; call <= sent; call++) receiver.release(call)
    expect(await first).toEqual({ attempted: 1, delivered: 1 })
    expect(await second).toEqual({ attempted: 0, delivered: 0 })
    expect(sent).toBe(1)
    const [record] = h.door.notifications.list()
    expect(record).toMatchObject({ status: 'delivered', nextAttemptAt: null })
    expect(record!.attempts).toHaveLength(1)
  })

  it('a late failed answer never turns a delivered notification back to pending', async () => {
    let h!: ReturnType<typeof cmbHarness>
    const receiver = heldReceiver((call) => {
      if (call === 1) return new Response('busy', { status: 503 })
      const ack = h.operator.ack()
      return new Response(ack.body, { status: 200 })
    })
    h = cmbHarness({ notifyFetch: receiver.fetch })
    await paidOrder(h, 'OV-2')

    const rounds = [h.door.notifications.deliverDue()]
    await tick()
    rounds.push(h.door.notifications.deliverDue())
    await tick()
    // The later request is answered first (acked), the earlier one last (refused).
    receiver.release(2)
    await tick()
    receiver.release(1)
    await Promise.all(rounds)
    const [record] = h.door.notifications.list()
    const acked = record!.attempts.some((attempt) => attempt.ok)
    expect(record!.status).toBe(acked ? 'delivered' : 'pending')
    expect(record!.nextAttemptAt === null).toBe(acked)
  })
})
