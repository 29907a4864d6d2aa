import { operations } from '@ecny/protocol'
import type {
  CallOptions,
  ConflictError,
  NotFoundError,
  Order,
  RequestErrorType,
  ResultUnknownError,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId } from '../../internal/inputs.js'

const cancelOrderParameters = z.object({ orderId: gatewayId('orderId') })

export type CancelOrderParameters = z.input<typeof cancelOrderParameters>
export type CancelOrderReturnType = Order
/** What cancelOrder can throw: see each code in docs/errors.md. */
export type CancelOrderErrorType = NotFoundError | ConflictError | ResultUnknownError | RequestErrorType

/**
 * Cancels (reverses) a paid order that has no refunds: all the money goes back to the payer and
 * the order becomes `canceled`. For part of the money, refund instead.
 *
 * @example
 * const order = await cancelOrder(client, { orderId })
 * order.status // 'canceled'
 */
export async function cancelOrder(
  client: MerchantBaseClient,
  parameters: CancelOrderParameters,
  options: CallOptions = {},
): Promise<CancelOrderReturnType> {
  const { orderId } = parseInput(cancelOrderParameters, parameters)
  return client.request({
    ...fromOperation(operations.cancelOrder, { id: orderId }),
    body: {},
    ...options,
    idempotencyKey: options.idempotencyKey ?? `cancel:${orderId}`,
  })
}
