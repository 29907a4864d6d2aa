import type { CallOptions, Refund } from '@ecny/sdk-core'
import { page, parseInput, refund, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId, segment } from '../../internal/inputs.js'

const listRefundsParameters = z.object({ orderId: gatewayId('orderId') })

export type ListRefundsParameters = z.input<typeof listRefundsParameters>
export type ListRefundsReturnType = Refund[]

/**
 * Lists an order's refunds, oldest first.
 *
 * @example
 * const refunds = await listRefunds(client, { orderId })
 * const refunded = refunds.filter((r) => r.status === 'succeeded').reduce((n, r) => n + r.amount, 0)
 */
export async function listRefunds(
  client: MerchantBaseClient,
  parameters: ListRefundsParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<ListRefundsReturnType> {
  const { orderId } = parseInput(listRefundsParameters, parameters)
  const result = await client.request({
    method: 'GET',
    path: `/v1/orders/${segment(orderId)}/refunds`,
    schema: page(refund),
    ...options,
  })
  return result.data
}
