/**
 * The HTTP door claims an `Idempotency-Key` before the handler runs. When the request never gets an
 * answer to store — the handler failed unexpectedly, or a used wallet_opening token was refused — the
 * door abandons the claim, so the key is not stuck `request_in_progress` for a day and a retry with
 * the same key is handled afresh. (The used-token case is checked on the door itself:
 * src/http/createHttpDoor.test.ts.)
 */

import { httpSetup } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { defaultCampaignHooks } from '../../src/index.js'

describe('the HTTP door abandons an idempotency claim it cannot complete', () => {
  it('a handler that throws something other than a RailsError: a retry with the same key is served', async () => {
    let failures = 1
    const t = await httpSetup({
      campaignHooks: {
        ...defaultCampaignHooks,
        quoteOrderBenefit: () => {
          if (failures-- > 0) throw new TypeError('campaign store briefly broken')
          return null
        },
      },
    })
    const order = t.engine.createOrder({
      merchantId: t.merchant.id,
      merchantOrderNo: 'ABANDON-1',
      amount: 1_250,
      description: 'Coffee',
      mode: 'qr',
    })
    const pay = () =>
      t.client.call(
        'POST',
        `/v1/orders/${order.id}/pay`,
        { walletId: t.wallet.id },
        { idempotencyKey: 'pay-1' },
      )
    const failed = await pay()
    expect(failed.status).toBe(500)
    expect(failed.json).toMatchObject({ error: { code: 'gateway_error' } })
    const retried = await pay()
    expect(retried.json).toMatchObject({ id: order.id, status: 'succeeded' })
    expect(retried.headers.get('idempotent-replayed')).toBeNull()
  })
})
