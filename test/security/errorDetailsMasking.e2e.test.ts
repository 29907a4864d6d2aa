/**
 * Wallet IDs never leave the SDK unmasked in an error, whether the SDK raised it (the limit
 * pre-check, a closed wallet) or the gateway did (its `details` are passed through): not in
 * `details`, not in `toJSON()`, not in `JSON.stringify(error)`. A caller who needs the raw ID has it
 * from its own input.
 */

import { EcnyError, maskWalletId } from '@ecny/sdk-core'
import { createQrOrder, useWalletRails as freshRailsPerTest } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

const h = freshRailsPerTest()

async function rejection(promise: Promise<unknown>): Promise<EcnyError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error as EcnyError,
  )
}

function expectMasked(error: EcnyError, walletId: string) {
  expect(error).toBeInstanceOf(EcnyError)
  const everything = [
    JSON.stringify(error.details),
    JSON.stringify(error.toJSON()),
    JSON.stringify(error),
    error.message,
  ]
  for (const text of everything) expect(text).not.toContain(walletId)
  expect(JSON.stringify(error.details)).toContain(maskWalletId(walletId))
}

describe('error details mask wallet IDs (security)', () => {
  it('limit_exceeded from the SDK pre-check', async () => {
    const walletId = await h.openFunded(1_000_000)
    const order = createQrOrder(h, 200_001)
    const error = await rejection(h.client.payments.pay({ orderId: order.id, walletId }))
    expect(error.code).toBe('limit_exceeded')
    expectMasked(error, walletId)
  })

  it('limit_exceeded from the gateway, details passed through', async () => {
    const walletId = await h.openFunded(1_000_000)
    const order = createQrOrder(h, 200_001)
    const error = await rejection(h.client.payments.pay({ orderId: order.id, walletId, precheck: false }))
    expect(error.code).toBe('limit_exceeded')
    expect(error.requestId).toBeDefined()
    expectMasked(error, walletId)
  })

  it('insufficient_funds and wallet_closed', async () => {
    const walletId = await h.openFunded(100)
    const order = createQrOrder(h, 500)
    const poor = await rejection(h.client.payments.pay({ orderId: order.id, walletId }))
    expect(poor.code).toBe('insufficient_funds')
    expectMasked(poor, walletId)
    const empty = await h.openFunded(0)
    await h.client.wallets.close({ walletId: empty })
    const closed = await rejection(
      h.client.payments.pay({ orderId: order.id, walletId: empty, precheck: false }),
    )
    expect(closed.code).toBe('wallet_closed')
    if (Object.keys(closed.details).length > 0) expectMasked(closed, empty)
  })

  it('an error built by hand masks too, in nested details', () => {
    const walletId = '0022501234565081'
    const error = new EcnyError('limit_exceeded', 'over', {
      details: { walletId, payerWalletId: walletId, walletIds: [walletId], nested: { toWalletId: walletId } },
    })
    expectMasked(error, walletId)
    expect(error.details).toMatchObject({ nested: { toWalletId: maskWalletId(walletId) } })
  })
})
