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

const closeOrderParameters = z.object({ orderId: gatewayId('orderId') })

export type CloseOrderParameters = z.input<typeof closeOrderParameters>
export type CloseOrderReturnType = Order
/** What closeOrder can throw: see each code in docs/errors.md. */
export type CloseOrderErrorType = NotFoundError | ConflictError | ResultUnknownError | RequestErrorType

/**
 * Closes an unpaid order (`created`) so it can never be paid; the merchant order number is then
 * spent. Closing an order already closed by this call's key returns it again. A paid order cannot be
 * closed (`invalid_state`, naming what is allowed instead): refund it, or reverse an unrefunded
 * `payment_code` payment with `cancelOrder`.
 *
 * @example
 * await closeOrder(client, { orderId: order.id })
 */
export async function closeOrder(
  client: MerchantBaseClient,
  parameters: CloseOrderParameters,
  options: CallOptions = {},
): Promise<CloseOrderReturnType> {
  const { orderId } = parseInput(closeOrderParameters, parameters)
  return client.request({
    ...fromOperation(operations.closeOrder, { id: orderId }),
    body: {},
    ...options,
    idempotencyKey: options.idempotencyKey ?? `close:${orderId}`,
  })
}
