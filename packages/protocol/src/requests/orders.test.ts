import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { createOrderRequest } from './orders.js'

const contract = { delayTime: 1, timeUnit: 'day', benefitList: [{ benefitWalletId: 'w_1', percent: 1 }] }
const order = { merchantOrderNo: 'A-1', amount: 1250, description: 'Latte', mode: 'qr' }

describe('createOrderRequest and contract payments', () => {
  it('keeps a contract on a QR order, so the gateway receives it', () => {
    expect(z.parse(createOrderRequest, { ...order, contract })).toMatchObject({ contract })
  })

  it('refuses a contract on any other mode, and a split not adding up to 1', () => {
    const app = z.safeParse(createOrderRequest, { ...order, mode: 'app', contract })
    expect(app.success ? [] : app.error.issues.map((issue) => issue.path.join('.'))).toEqual(['contract'])
    const split = { ...contract, benefitList: [{ benefitWalletId: 'w_1', percent: 0.5 }] }
    const partial = z.safeParse(createOrderRequest, { ...order, contract: split })
    expect(partial.success ? [] : partial.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'contract.benefitList',
    ])
  })
})
