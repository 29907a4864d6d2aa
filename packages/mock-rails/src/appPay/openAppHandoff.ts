import { type AppHandoff, type OpenedAppHandoff, unsealAppHandoff } from '@ecny/protocol/app-pay'
import type { RouteInput } from '../http/routeDefinition.js'
import { RailsError } from '../support/railsError.js'

const tampered = (why: string) =>
  new RailsError(
    'app_handoff_invalid',
    `This app hand-off could not be opened: ${why}. Ask the merchant's server to seal the order again; never edit a hand-off.`,
    {},
  )

/**
 * The wallet operator opens a merchant's sealed hand-off with its private key: checks the serial, the
 * seal and that the order it names is this merchant's open app order for that amount, then answers
 * what the holder is shown before they confirm with `payOrder`.
 */
export async function openAppHandoff(input: RouteInput, handoff: AppHandoff): Promise<OpenedAppHandoff> {
  const privateKey = input.handoffKeys.privateKey(handoff.encryptionSN)
  if (!privateKey) {
    throw new RailsError(
      'app_handoff_key_unknown',
      `This app hand-off was sealed to key ${handoff.encryptionSN}, which this wallet operator does not hold. ` +
        'The merchant should fetch the current key (GET /v1/app-handoff-key) and seal the order again.',
      { encryptionSN: handoff.encryptionSN },
    )
  }
  const opened = await unsealAppHandoff(handoff, await privateKey)
  if (!opened.ok)
    throw tampered(opened.reason === 'tampered' ? 'its seal does not verify' : 'it is malformed')
  const { info } = opened
  const order = (() => {
    try {
      return input.engine.getOrder(info.orderId)
    } catch {
      throw tampered(`order ${info.orderId} does not exist`)
    }
  })()
  if (order.merchantId !== handoff.merchantNo || order.mode !== 'app' || order.amount !== info.amount) {
    throw tampered(`it does not match order ${order.id} (merchant, mode or amount)`)
  }
  if (order.status === 'closed' && order.failureCode === 'order_expired') {
    throw new RailsError(
      'order_expired',
      'This order expired before it was paid. Ask the merchant for a new one.',
      {
        orderId: order.id,
      },
    )
  }
  if (order.status !== 'created') {
    throw new RailsError(
      'order_not_payable',
      `This order is ${order.status} and cannot be paid. Ask the merchant for a new one.`,
      { orderId: order.id, status: order.status },
    )
  }
  return {
    orderId: order.id,
    merchantId: order.merchantId,
    merchantName: input.merchantRecords.get(order.merchantId)?.legalName ?? order.merchantId,
    merchantOrderNo: order.merchantOrderNo,
    amount: order.amount,
    currency: 'CNY',
    description: order.description,
    status: order.status,
    expiresAt: order.expiresAt,
  }
}
