import { createClient, createClientToken, type EcnyError, payOrder } from '@ecny/sdk-core'
import { openAppHandoff } from '@ecny/sdk-core/app-pay'
import { railsUrl, useMerchantRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

const h = useMerchantRails()

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error as EcnyError,
  )
}

/** The holder's wallet app: a client with a token for their wallet, minted by the wallet backend. */
async function walletApp(walletId: string) {
  const backend = createClient({ baseUrl: railsUrl, credentials: h.credentials })
  const { token } = await createClientToken(backend, { scope: { type: 'wallet', id: walletId } })
  return createClient({ baseUrl: railsUrl, clientToken: token })
}

async function appOrder(merchantOrderNo: string, amount = 300, expiresInSeconds = 900) {
  const order = await h.client.orders.create({
    mode: 'app',
    merchantOrderNo,
    amount,
    description: 'Coins',
    expiresInSeconds,
  })
  const handoff = await h.client.orders.createAppHandoff({
    orderId: order.id,
    merchantAppId: h.credentials.appId,
  })
  return { order, handoff }
}

describe('App / H5 hand-off end to end (merchant server seals, wallet side opens and pays)', () => {
  it('seals the order for the wallet operator; the wallet app opens it, shows it and pays it', async () => {
    const { order, handoff } = await appOrder('A-1')
    expect(order).not.toHaveProperty('appPayload')
    expect(Object.keys(handoff).sort()).toEqual([
      'acqAgtInstnId',
      'creditorInstitutionId',
      'encryptedInfo',
      'encryptedKey',
      'encryptionSN',
      'merchantAppId',
      'merchantNo',
    ])
    expect(handoff).toMatchObject({ merchantNo: h.merchantId, merchantAppId: h.credentials.appId })
    // The order travels encrypted: neither its id nor its description is readable in the hand-off.
    expect(JSON.stringify(handoff)).not.toContain(order.id)
    expect(JSON.stringify(handoff)).not.toContain('Coins')

    const payer = h.fundedWallet(1_000)
    const app = await walletApp(payer)
    const shown = await openAppHandoff(app, handoff)
    expect(shown).toMatchObject({
      orderId: order.id,
      merchantId: h.merchantId,
      merchantOrderNo: 'A-1',
      amount: 300,
      description: 'Coins',
      status: 'created',
    })
    const paid = await payOrder(app, { orderId: shown.orderId, walletId: payer, amount: shown.amount })
    expect(paid).toMatchObject({ status: 'succeeded', paidAmount: 300, payerWalletId: payer })
    expect(h.balanceOf(payer)).toBe(700)

    const again = await rejection(openAppHandoff(app, handoff))
    expect(again).toMatchObject({ code: 'order_not_payable', name: 'ConflictError' })
  })

  it('refuses a tampered hand-off, a foreign key serial and an expired order with typed errors', async () => {
    const { handoff } = await appOrder('A-2', 300, 60)
    const app = await walletApp(h.fundedWallet(1_000))
    const other = await appOrder('A-3', 1)

    const swapped = await rejection(
      openAppHandoff(app, { ...handoff, encryptedInfo: other.handoff.encryptedInfo }),
    )
    expect(swapped).toMatchObject({ code: 'app_handoff_invalid', name: 'InvalidRequestError' })
    expect(swapped.message).toMatch(/seal the order again/)
    const rerouted = await rejection(openAppHandoff(app, { ...handoff, acqAgtInstnId: 'OTHERBANK' }))
    expect(rerouted.code).toBe('app_handoff_invalid')

    const unknownKey = await rejection(openAppHandoff(app, { ...handoff, encryptionSN: 'hk-99' }))
    expect(unknownKey).toMatchObject({ code: 'app_handoff_key_unknown', details: { encryptionSN: 'hk-99' } })

    const missing = await rejection(openAppHandoff(app, { ...handoff, encryptedKey: '' }))
    expect(missing.code).toBe('invalid_request')

    h.advance(61_000)
    const expired = await rejection(openAppHandoff(app, handoff))
    expect(expired.code).toBe('order_expired')
  })

  it('takes the order as orders.create returned it instead of its id, reading nothing again', async () => {
    const operations: string[] = []
    const client = h.clientWith({
      hooks: { onRequest: (event) => void operations.push(String(event.operation)) },
    })
    const order = await client.orders.create({
      mode: 'app',
      merchantOrderNo: 'A-7',
      amount: 250,
      description: 'Coins',
    })
    const handoff = await client.orders.createAppHandoff({ order, merchantAppId: h.credentials.appId })
    expect(operations).toEqual(['createOrder', 'getAppHandoffKey'])
    const payer = h.fundedWallet(1_000)
    const shown = await openAppHandoff(await walletApp(payer), handoff)
    expect(shown).toMatchObject({ orderId: order.id, amount: 250 })
    const both = await rejection(
      client.orders.createAppHandoff({ order, orderId: order.id, merchantAppId: h.credentials.appId }),
    )
    expect(both).toMatchObject({ code: 'invalid_request' })
    expect(both.message).toContain('exactly one of orderId and order')
  })

  it('seals only app orders that are still open', async () => {
    const qr = await h.client.orders.create({
      mode: 'qr',
      merchantOrderNo: 'Q-9',
      amount: 100,
      description: 'Tea',
    })
    const error = await rejection(h.client.orders.createAppHandoff({ orderId: qr.id, merchantAppId: 'app' }))
    expect(error).toMatchObject({ code: 'invalid_request', details: { mode: 'qr' } })
  })
})
