/**
 * The notification handlers own the at-least-once pattern: claim the event id → run the handler →
 * commit, or release and answer non-2xx when it throws. Driven end to end by the rails' outbox and
 * its real retry schedule (the rails' clock is advanced, nothing waits on wall time): a handler that
 * fails on the first delivery sees the event again on the gateway's retry, and applies it once.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRails } from '@ecny/mock-rails'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createFetchNotificationHandler,
  createMemoryReplayStore,
  createNodeNotificationHandler,
  type MerchantNotificationEvent,
  type NotificationAnswer,
} from '../src/index.js'

let server: Server | undefined
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  server = undefined
})

const listen = (s: Server) =>
  new Promise<string>((resolve) =>
    s.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}/ecny/notify`),
    ),
  )

/** A handler that throws the first `failures` times it is called, then records each event applied. */
function flakyBook(failures: number) {
  const applied = new Map<string, number>()
  let calls = 0
  const handle = (event: MerchantNotificationEvent) => {
    calls++
    if (calls <= failures) throw new Error('database unavailable')
    applied.set(event.id, (applied.get(event.id) ?? 0) + 1)
  }
  return { applied, handle, calls: () => calls }
}

type Start = (options: {
  gatewayKeys: Awaited<ReturnType<ReturnType<typeof createRails>['jwks']>>
  now: () => number
  handle: (event: MerchantNotificationEvent) => unknown
  onAnswer: (answer: NotificationAnswer) => void
}) => Promise<string>

const nodeServer: Start = async (options) => {
  const receive = createNodeNotificationHandler({
    ...options,
    replayStore: createMemoryReplayStore({ now: options.now }),
  })
  server = createServer((req, res) => void receive(req, res))
  return listen(server)
}

const fetchServer: Start = async (options) => {
  const receive = createFetchNotificationHandler({
    ...options,
    replayStore: createMemoryReplayStore({ now: options.now }),
  })
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers.set(name, value)
    const response = await receive(
      new Request('http://127.0.0.1/ecny/notify', { method: 'POST', headers, body: Buffer.concat(chunks) }),
    )
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text())
  })
  return listen(server)
}

async function paidOrderScenario(start: Start, failures: number) {
  const rails = createRails({ seed: 7 })
  const book = flakyBook(failures)
  const answers: NotificationAnswer[] = []
  const url = await start({
    gatewayKeys: await rails.jwks(),
    now: () => rails.clock.now(),
    handle: book.handle,
    onAnswer: (answer) => answers.push(answer),
  })
  const merchant = rails.seedMerchant({ notifyUrl: url })
  const payer = rails.engine.openWallet({ level: 'WL04', mobile: '13900003333' }).id
  rails.engine.topUp(payer, { amount: 10_000, bankCard: '6222020000000007' })
  const order = rails.engine.createOrder({
    merchantId: merchant.id,
    merchantOrderNo: 'ALO-1',
    amount: 1_250,
    description: 'Tea',
    mode: 'qr',
  })
  rails.engine.payOrder(order.id, { walletId: payer })
  return { rails, book, answers }
}

describe.each([
  ['node:http handler', nodeServer],
  ['Fetch handler', fetchServer],
])('at-least-once notification handling (%s)', (_name, start) => {
  it('a handler that throws on the first delivery applies the event exactly once after the retry', async () => {
    const { rails, book, answers } = await paidOrderScenario(start, 1)
    await rails.notifications.deliverDue()
    const [record] = rails.notifications.list()
    expect(record!.attempts.map((a) => a.httpStatus)).toEqual([500])
    expect(book.applied.size).toBe(0)

    rails.clock.advance(14_000)
    expect((await rails.notifications.deliverDue()).attempted).toBe(0) // not before the schedule
    rails.clock.advance(1_000)
    await rails.notifications.deliverDue()

    const [after] = rails.notifications.list()
    expect(after!.attempts.map((a) => a.httpStatus)).toEqual([500, 200])
    expect(after!.status).toBe('delivered')
    expect(book.applied.get(after!.id)).toBe(1)
    expect(answers.map((a) => a.outcome)).toEqual(['failed', 'handled'])
  })

  it('several failures: applied once, on the first delivery whose handler succeeds, duplicates acknowledged', async () => {
    const { rails, book, answers } = await paidOrderScenario(start, 3)
    rails.faults.set({ duplicateNotifications: 1 })
    for (const gap of [0, 15, 15, 30, 180]) {
      rails.clock.advance(gap * 1000)
      await rails.notifications.deliverDue()
    }
    const [record] = rails.notifications.list()
    expect(record!.status).toBe('delivered')
    expect(book.applied.get(record!.id)).toBe(1)
    expect(answers.filter((a) => a.outcome === 'handled')).toHaveLength(1)
    expect(answers.filter((a) => a.outcome === 'failed')).toHaveLength(3)
    expect(answers.every((a) => a.outcome !== 'rejected')).toBe(true)
  })
})

describe('claims', () => {
  it('a claim that is neither committed nor released (a crashed process) lapses after its TTL', () => {
    let now = 0
    const store = createMemoryReplayStore({ now: () => now })
    expect(store.claim('evt_1', 'a', 300_000)).toBe('claimed')
    expect(store.claim('evt_1', 'b', 300_000)).toBe('in_progress')
    now += 300_000
    expect(store.claim('evt_1', 'b', 300_000)).toBe('claimed')
    store.release('evt_1', 'a') // a stale holder cannot release someone else's claim
    expect(store.claim('evt_1', 'c', 300_000)).toBe('in_progress')
    store.commit('evt_1', 'b', 86_400_000)
    expect(store.claim('evt_1', 'c', 300_000)).toBe('done')
    store.release('evt_1', 'b') // committed ids stay committed
    expect(store.claim('evt_1', 'c', 300_000)).toBe('done')
    now += 86_400_000
    expect(store.claim('evt_1', 'c', 300_000)).toBe('claimed')
  })
})
