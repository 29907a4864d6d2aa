import { operations } from '@ecny/protocol'
import type { CallOptions, NotFoundError, Refund, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId } from '../../internal/inputs.js'

const getRefundParameters = z.object({ refundId: gatewayId('refundId') })

export type GetRefundParameters = z.input<typeof getRefundParameters>
export type GetRefundReturnType = Refund
/** What getRefund can throw: see each code in docs/errors.md. */
export type GetRefundErrorType = NotFoundError | RequestErrorType

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
    ...fromOperation(operations.getRefund, { id: refundId }),
    ...options,
  })
}
