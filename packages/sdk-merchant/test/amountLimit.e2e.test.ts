import { limits } from '@ecny/protocol'
import { createSignedClient, useMerchantRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

const h = useMerchantRails()
const huge = 2 ** 53 - 1

describe('amounts beyond the protocol maximum', () => {
  it('the SDK refuses 2^53−1 fen locally, naming the limit, and sends nothing', async () => {
    const before = h.rails.snapshot().state
    const error = await h.client.orders
      .create({ mode: 'qr', merchantOrderNo: 'M-1', amount: huge, description: 'Tea' })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'invalid_request' })
    expect((error as Error).message).toContain(`amount must be at most ${limits.maxAmountFen} fen`)
    expect(h.rails.snapshot().state).toEqual(before)
  })

  it('the gateway’s own validation names the limit too (a caller without the SDK)', async () => {
    const raw = createSignedClient({
      appId: h.credentials.appId,
      privateKey: h.credentials.privateKey,
      send: (request) => h.rails.handle(request),
      now: () => h.rails.clock.now(),
    })
    const answer = await raw.call(
      'POST',
      '/v1/orders',
      { merchantId: h.merchantId, merchantOrderNo: 'M-2', amount: huge, description: 'Tea', mode: 'qr' },
      { idempotencyKey: 'amount-limit-1' },
    )
    expect(answer.status).toBe(400)
    expect(JSON.stringify(answer.json)).toContain(
      `expected at most ${limits.maxAmountFen} fen, the protocol's maximum`,
    )
  })
})
