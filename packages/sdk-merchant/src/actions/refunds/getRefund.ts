import type { CallOptions, Refund } from '@ecny/sdk-core'
import { parseInput, refund, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId, segment } from '../../internal/inputs.js'

const getRefundParameters = z.object({ refundId: gatewayId('refundId') })

export type GetRefundParameters = z.input<typeof getRefundParameters>
export type GetRefundReturnType = Refund

/**
 * Reads a refund: status, amount, and any campaign benefit clawed back.
 *
 * @example
 * const refund = await getRefund(client, { refundId: 'rfd_0000001' })
 */
export async function getRefund(
  client: MerchantBaseClient,
  parameters: GetRefundParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<GetRefundReturnType> {
  const { refundId } = parseInput(getRefundParameters, parameters)
  return client.request({
    method: 'GET',
    path: `/v1/refunds/${segment(refundId)}`,
    schema: refund,
    ...options,
  })
}
