import { operations } from '@ecny/protocol'
import type { CallOptions, NotFoundError, Order, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId, merchantNumber } from '../../internal/inputs.js'
import { merchantIdFor } from '../../internal/merchantIdFor.js'

const getOrderByMerchantOrderNoParameters = z.object({
  merchantId: z.optional(gatewayId('merchantId')),
  merchantOrderNo: merchantNumber('merchantOrderNo'),
})

export type GetOrderByMerchantOrderNoParameters = z.input<typeof getOrderByMerchantOrderNoParameters>
export type GetOrderByMerchantOrderNoReturnType = Order
/** What getOrderByMerchantOrderNo can throw: see each code in docs/errors.md. */
export type GetOrderByMerchantOrderNoErrorType = NotFoundError | RequestErrorType

/**
 * Reads an order by your merchant order number: how to find out what happened to an order whose
 * creation got no answer. Throws `not_found` when the gateway never created it.
 *
 * @example
 * const order = await getOrderByMerchantOrderNo(client, { merchantOrderNo: 'A-1001' })
 */
export async function getOrderByMerchantOrderNo(
  client: MerchantBaseClient,
  parameters: GetOrderByMerchantOrderNoParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<GetOrderByMerchantOrderNoReturnType> {
  const input = parseInput(getOrderByMerchantOrderNoParameters, parameters)
  const merchantId = merchantIdFor(client, input.merchantId)
  return client.request({
    ...fromOperation(operations.findOrder),
    query: { merchantOrderNo: input.merchantOrderNo, merchantId },
    ...options,
  })
}
