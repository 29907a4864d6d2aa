import type { Order } from '@ecny/protocol'
import { operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { NotFoundError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { gatewayId } from '../inputs.js'

const getOrderParameters = z.object({ orderId: gatewayId('orderId') })

export type GetOrderParameters = z.input<typeof getOrderParameters>
export type GetOrderReturnType = Order
/** What getOrder can throw: see each code in docs/errors.md. */
export type GetOrderErrorType = NotFoundError | RequestErrorType

/**
 * Reads an order as the payer sees it: status, amount, what the wallet was charged (`paidAmount`)
 * and any campaign benefit.
 *
 * @example
 * const order = await getOrder(client, { orderId })
 * if (order.status === 'succeeded') showReceipt(order)
 */
export async function getOrder(
  client: EcnyBaseClient,
  parameters: GetOrderParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<GetOrderReturnType> {
  const { orderId } = parseInput(getOrderParameters, parameters)
  return client.request({ ...fromOperation(operations.getOrder, { id: orderId }), ...options })
}
