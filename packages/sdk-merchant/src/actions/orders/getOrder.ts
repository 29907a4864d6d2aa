import { operations } from '@ecny/protocol'
import type { CallOptions, Order } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId } from '../../internal/inputs.js'

const getOrderParameters = z.object({ orderId: gatewayId('orderId') })

export type GetOrderParameters = z.input<typeof getOrderParameters>
export type GetOrderReturnType = Order

/**
 * Reads an order by the gateway's id: status, amounts paid and refunded, payer, benefit.
 *
 * @example
 * const order = await getOrder(client, { orderId: 'ord_0000001' })
 * if (order.status === 'succeeded') ship(order.merchantOrderNo)
 */
export async function getOrder(
  client: MerchantBaseClient,
  parameters: GetOrderParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<GetOrderReturnType> {
  const { orderId } = parseInput(getOrderParameters, parameters)
  return client.request({ ...fromOperation(operations.getOrder, { id: orderId }), ...options })
}
