import { describe, expect, it } from 'vitest'
import { orderJson, useInlineGateway } from '../../../test/e2e/support/inlineGateway.js'
import { waitForFinal } from './waitForOrderFinal.js'

const gateway = useInlineGateway()

describe('waitForFinal', () => {
  it('returns as soon as the order is final (refunded counts)', async () => {
    let polls = 0
    gateway.on('GET /v1/orders/ord_1', () => ({
      json: orderJson('ord_1', ++polls < 3 ? 'processing' : 'refunded'),
    }))
    const order = await waitForFinal(gateway.client(), { orderId: 'ord_1', pollIntervalMs: 10 })
    expect(order.status).toBe('refunded')
    expect(polls).toBe(3)
  })

  it('gives up after timeoutMs with a clear, resumable timeout and a bounded number of polls', async () => {
    gateway.on('GET /v1/orders/ord_1', { json: orderJson('ord_1', 'processing') })
    const started = Date.now()
    const error = await waitForFinal(gateway.client(), {
      orderId: 'ord_1',
      timeoutMs: 400,
      pollIntervalMs: 20,
      maxPollIntervalMs: 100,
    }).catch((e) => e)
    const elapsed = Date.now() - started
    expect(error).toMatchObject({ code: 'timeout', details: { orderId: 'ord_1', status: 'processing' } })
    expect(error.shortMessage).toBe(
      'Order ord_1 is still pending (status processing) after 400 ms of waiting.',
    )
    expect(error.hint).toContain("waitForOrderFinal(client, { orderId: 'ord_1' })")
    expect(error.hint).toContain('do not pay it again')
    // Waits of 20, 40, 80, 100, 100, … ms: at most 1 + 3 + 400/100 + 1 polls in 400 ms, never a spin.
    expect(gateway.seen.length).toBeGreaterThanOrEqual(4)
    expect(gateway.seen.length).toBeLessThanOrEqual(9)
    expect(error.details.polls).toBe(gateway.seen.length)
    expect(elapsed).toBeGreaterThanOrEqual(390)
    expect(elapsed).toBeLessThan(2_000)
  })

  it('says an unpaid order was not charged', async () => {
    gateway.on('GET /v1/orders/ord_1', { json: orderJson('ord_1', 'created') })
    const error = await waitForFinal(gateway.client(), {
      orderId: 'ord_1',
      timeoutMs: 30,
      pollIntervalMs: 10,
    }).catch((e) => e)
    expect(error.hint).toContain('its payment was not taken')
  })

  it('stops when the caller aborts', async () => {
    const controller = new AbortController()
    // Abort while waiting for the second poll: after the first answer, whatever the machine's speed.
    gateway.on('GET /v1/orders/ord_1', () => {
      setTimeout(() => controller.abort(), 20)
      return { json: orderJson('ord_1', 'processing') }
    })
    const error = await waitForFinal(
      gateway.client(),
      { orderId: 'ord_1', pollIntervalMs: 1_000 },
      { signal: controller.signal },
    ).catch((e) => e)
    expect(error).toMatchObject({
      code: 'aborted',
      details: { orderId: 'ord_1', status: 'processing', polls: 1 },
    })
  })

  it('keeps polling through a transient failure, and throws a permanent one', async () => {
    let polls = 0
    gateway.on('GET /v1/orders/ord_1', () =>
      ++polls === 1
        ? { status: 503, json: { error: { code: 'service_unavailable', message: 'busy', retryable: true } } }
        : { json: orderJson('ord_1', 'succeeded') },
    )
    expect((await waitForFinal(gateway.client(), { orderId: 'ord_1', pollIntervalMs: 10 })).status).toBe(
      'succeeded',
    )
    gateway.on('GET /v1/orders/ord_2', {
      status: 404,
      json: { error: { code: 'not_found', message: 'no such order' } },
    })
    await expect(waitForFinal(gateway.client(), { orderId: 'ord_2' })).rejects.toMatchObject({
      code: 'not_found',
    })
  })

  it('validates its timing parameters', async () => {
    await expect(
      waitForFinal(gateway.client(), { orderId: 'ord_1', pollIntervalMs: 0 }),
    ).rejects.toMatchObject({
      code: 'invalid_request',
    })
    expect(gateway.seen).toHaveLength(0)
  })
})
