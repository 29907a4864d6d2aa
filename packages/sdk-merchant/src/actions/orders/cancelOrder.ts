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
 * Reverses (撤销) a customer-presented-code payment (`mode: 'payment_code'`) that has no refunds:
 * all the money goes back to the payer and the order becomes `canceled`. Any other paid order — a
 * `qr`, `sub_wallet` or `app` payment, or one with refunds — is refused with `invalid_state`
 * (`details.allowed: ['refund']`): refund it instead (CMB appendices 3–4: 主扫交易暂不支持撤销).
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
