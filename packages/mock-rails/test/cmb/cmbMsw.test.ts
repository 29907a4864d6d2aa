import { cmb } from '@ecny/operator-cmb'
import type { Order } from '@ecny/protocol'
import { createMerchantClient } from '@ecny/sdk-merchant'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCmbDoor } from '../../src/cmb/createCmbDoor.js'
import { seedCmbMerchant } from '../../src/cmb/seedCmbMerchant.js'
import { createRails } from '../../src/createRails.js'
import { railsHandlers } from '../../src/msw/railsHandlers.js'
import { card } from '../helpers/fixtures.js'

const baseUrl = 'https://cmb.test'
const rails = createRails({ seed: 3 })
const door = createCmbDoor(rails)
const credentials = seedCmbMerchant(rails, door)
const server = setupServer(...railsHandlers(rails, { baseUrl, dialect: 'cmb', cmbDoor: door }))

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

describe('msw handlers for the CMB dialect', () => {
  it('the merchant SDK with cmb() creates, pays (wallet side) and queries an order through msw', async () => {
    const client = createMerchantClient({ operator: cmb({ ...credentials, environment: baseUrl }) })
    const order = await client.orders.create({
      mode: 'qr',
      merchantOrderNo: 'M-1',
      amount: 300,
      description: 'Tea',
    })
    expect(order).toMatchObject({ id: 'M-1', status: 'created' })
    const wallet = rails.engine.openWallet({ level: 'WL04', mobile: '13800138000' })
    rails.engine.topUp(wallet.id, { amount: 1_000, bankCard: card })
    rails.engine.payOrder((order as Order & { cmbOrderId: string }).cmbOrderId, { walletId: wallet.id })
    expect(await client.orders.get({ orderId: 'M-1' })).toMatchObject({
      status: 'succeeded',
      paidAmount: 300,
    })
  })
})
