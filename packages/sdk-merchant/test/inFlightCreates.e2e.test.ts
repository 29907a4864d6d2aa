/**
 * createOrder writes each create down in the client's InFlightCreateStore before sending it and
 * strikes it out once a final answer came back; one that ended in `result_unknown` stays, with its
 * number, idempotency key and request, so a recovery job — in a new process with the same store —
 * lists it and settles it, against the mock rails over HTTP.
 */
import { EcnyError } from '@ecny/sdk-core'
import { useMerchantRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { createMemoryInFlightCreateStore } from '../src/actions/orders/inFlightCreateStore.js'
import { recoverInFlightCreates } from '../src/index.js'

const h = useMerchantRails()
const createRoute = 'POST /v1/orders'
const qr = (merchantOrderNo: string) =>
  ({ mode: 'qr', merchantOrderNo, amount: 990, description: 'Cake' }) as const

/** A create whose every answer is lost: it ends in result_unknown although the rails made the order. */
async function unknownCreate(client: ReturnType<typeof h.clientWith>, merchantOrderNo: string) {
  h.rails.faults.set({ routes: { [createRoute]: { dropEveryAnswer: 1 } } })
  const error = await client.orders.create(qr(merchantOrderNo)).catch((e: unknown) => e as EcnyError)
  h.rails.faults.set({})
  expect(error).toMatchObject({ code: 'result_unknown' })
  return error as EcnyError
}

describe('in-flight creates: recorded while unknown, recovered after a restart', () => {
  it('a create ending in result_unknown stays recorded with its number, idempotency key and request', async () => {
    const inFlightCreates = createMemoryInFlightCreateStore()
    const client = h.clientWith({ inFlightCreates, maxRetries: 1 })
    const error = await unknownCreate(client, 'IF-1')
    expect(await client.orders.listInFlight()).toEqual([
      {
        merchantOrderNo: 'IF-1',
        merchantId: h.merchantId,
        idempotencyKey: error.details.idempotencyKey,
        startedAt: expect.any(Number),
        request: { ...qr('IF-1'), merchantId: h.merchantId },
      },
    ])
  })

  it('a create with a final answer, success or refusal, leaves nothing behind', async () => {
    const inFlightCreates = createMemoryInFlightCreateStore()
    const client = h.clientWith({ inFlightCreates })
    await client.orders.create(qr('IF-2'))
    const refused = await client.orders
      .create({ ...qr('IF-2'), amount: 991 })
      .catch((e: unknown) => e as EcnyError)
    expect(refused).toMatchObject({ code: 'duplicate_merchant_order_no' })
    expect(inFlightCreates.size).toBe(0)
  })

  it('after a restart, a new client with the same store lists and settles them; settled ones are struck out', async () => {
    const inFlightCreates = createMemoryInFlightCreateStore()
    const before = h.clientWith({ inFlightCreates, maxRetries: 1 })
    await unknownCreate(before, 'IF-3')
    await unknownCreate(before, 'IF-4')
    // A process that died between writing a create down and sending it:
    await inFlightCreates.record({
      merchantOrderNo: 'IF-5',
      merchantId: h.merchantId,
      startedAt: Date.now(),
      request: qr('IF-5'),
    })
    const payer = h.fundedWallet(5_000)
    h.rails.engine.payOrder(h.rails.engine.findOrderByMerchantOrderNo(h.merchantId, 'IF-3').id, {
      walletId: payer,
    })

    const after = h.clientWith({ inFlightCreates })
    const recovered = await recoverInFlightCreates(after, { pollIntervalMs: 0, maxAttempts: 1 })
    expect(
      recovered.map((r) => [r.create.merchantOrderNo, r.outcome, r.order?.status ?? null]).sort(),
    ).toEqual([
      ['IF-3', 'final', 'succeeded'],
      ['IF-4', 'pending', 'created'],
      ['IF-5', 'not_found', null],
    ])
    expect(recovered.find((r) => r.outcome === 'not_found')?.create.request).toEqual(qr('IF-5'))
    expect((await after.orders.listInFlight()).map((c) => c.merchantOrderNo)).toEqual(['IF-4'])

    // Settling by hand strikes it out too.
    const settled = await after.orders.resolveUnknownOutcome({
      merchantOrderNo: 'IF-4',
      closeIfUnpaid: true,
      pollIntervalMs: 0,
    })
    expect(settled.outcome).toBe('closed')
    expect(await after.orders.listInFlight()).toEqual([])
  })

  it('a recovery that cannot reach the gateway keeps the create for the next run', async () => {
    const inFlightCreates = createMemoryInFlightCreateStore()
    const client = h.clientWith({ inFlightCreates, maxRetries: 0 })
    await unknownCreate(client, 'IF-6')
    h.rails.faults.set({ routes: { 'GET /v1/orders': { rate5xx: 1 } } })
    const recovered = await client.orders.recoverInFlight({ pollIntervalMs: 0, maxAttempts: 2 })
    h.rails.faults.set({})
    expect(recovered).toMatchObject([{ create: { merchantOrderNo: 'IF-6' }, outcome: 'unreachable' }])
    const [unreachable] = recovered
    expect(unreachable?.outcome === 'unreachable' && unreachable.error).toBeInstanceOf(EcnyError)
    expect(inFlightCreates.size).toBe(1)
  })

  it('inFlightCreates: false records nothing', async () => {
    const client = h.clientWith({ inFlightCreates: false, maxRetries: 1 })
    await unknownCreate(client, 'IF-7')
    expect(await client.orders.listInFlight()).toEqual([])
  })
})
