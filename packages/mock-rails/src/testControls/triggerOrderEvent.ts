import type { operations } from '@ecny/protocol'
import type * as z from 'zod/mini'
import type { Engine } from '../engine/createEngine.js'
import type { CoreContext } from '../engine/engineContext.js'
import { orderStateMachine } from '../engine/stateMachines/orderStateMachine.js'
import { orderToWire } from '../engine/toWire.js'
import { closeOrderRecord } from '../orders/closeOrderRecord.js'
import { RailsError } from '../support/railsError.js'

/**
 * `action`, `orderId`; `walletId` (`pay`: the paying wallet, default a fresh WL04 test wallet topped
 * up with the order's amount); `failureCode` (`fail`: default `insufficient_funds`).
 */
export type TriggerOrderEventParameters = z.output<typeof operations.triggerTestEvent.request>

export type TriggerOrderEventReturnType = {
  action: TriggerOrderEventParameters['action']
  order: ReturnType<typeof orderToWire>
  walletId: string | null
}

/** A Luhn-valid test bank card the test wallets are topped up from. */
const testBankCard = '6222020000000007'

const failureMessages: Record<NonNullable<TriggerOrderEventParameters['failureCode']>, string> = {
  insufficient_funds: 'The payer’s wallet did not hold enough (test trigger).',
  limit_exceeded: 'The payment was over the payer’s wallet limits (test trigger).',
  payment_code_expired: 'The payer’s payment code had expired (test trigger).',
}

/**
 * Makes an unpaid (`created`) order move as if its payer or the clock had acted, with the same
 * notification the real event queues: `pay` (a QR or app order paid from a wallet: `order.succeeded`),
 * `expire` (closed as expired now: `order.closed`), `fail` (the payment failed: `order.failed`).
 *
 * @example
 * triggerOrderEvent(core, engine, { action: 'pay', orderId: order.id }).order.status // 'succeeded'
 */
export function triggerOrderEvent(
  core: CoreContext,
  engine: Engine,
  params: TriggerOrderEventParameters,
): TriggerOrderEventReturnType {
  const current = engine.getOrder(params.orderId) // not found → 404; past expiry → closed now
  if (params.action === 'pay') {
    const walletId = params.walletId ?? fundedTestWallet(engine, current.amount)
    return { action: 'pay', order: engine.payOrder(params.orderId, { walletId }), walletId }
  }
  const order = core.state.orders.get(params.orderId)!
  if (order.status !== 'created') {
    throw new RailsError(
      'invalid_state',
      `This order is ${order.status}; only an unpaid (created) order can be made to ${params.action}. Create a new order.`,
      { orderId: order.id, status: order.status },
    )
  }
  if (params.action === 'expire') {
    order.expiresAt = core.clock.now()
    closeOrderRecord(core, order, 'expired')
  } else {
    const code = params.failureCode ?? 'insufficient_funds'
    orderStateMachine.assert(order.status, 'processing')
    orderStateMachine.assert('processing', 'failed')
    order.status = 'failed'
    order.failureCode = code
    order.failureMessage = failureMessages[code]
    order.updatedAt = core.clock.now()
    core.state.openOrders.delete(order.id)
    core.emit({ type: 'order.failed', order })
  }
  return { action: params.action, order: orderToWire(order), walletId: null }
}

/** A new anonymous (WL04) test wallet holding `amount` fen. */
function fundedTestWallet(engine: Engine, amount: number): string {
  const wallet = engine.openWallet({ level: 'WL04', mobile: '13800000000' })
  engine.topUp(wallet.id, { amount, bankCard: testBankCard })
  return wallet.id
}
