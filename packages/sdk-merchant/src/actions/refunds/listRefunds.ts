import { operations } from '@ecny/protocol'
import type { CallOptions, NotFoundError, Refund, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId } from '../../internal/inputs.js'

const listRefundsParameters = z.object({ orderId: gatewayId('orderId') })

export type ListRefundsParameters = z.input<typeof listRefundsParameters>
export type ListRefundsReturnType = Refund[]
/** What listRefunds can throw: see each code in docs/errors.md. */
export type ListRefundsErrorType = NotFoundError | RequestErrorType

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
    ...fromOperation(operations.listRefunds, { id: orderId }),
    ...options,
  })
  return result.data
}
