import {
  type AppHandoff,
  appHandoff,
  appHandoffOperations,
  type OpenedAppHandoff,
} from '@ecny/protocol/app-pay'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { ConflictError, InvalidRequestError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'

export type OpenAppHandoffParameters = AppHandoff
export type OpenAppHandoffReturnType = OpenedAppHandoff
/**
 * What openAppHandoff can throw: `app_handoff_invalid`, `app_handoff_key_unknown`
 * (InvalidRequestError), `order_expired`, `order_not_payable` (ConflictError); see docs/errors.md.
 */
export type OpenAppHandoffErrorType = InvalidRequestError | ConflictError | RequestErrorType

/**
 * The wallet side of an App / H5 payment: hands the merchant's sealed order (the seven fields its
 * server made with `createAppHandoff`) to the wallet operator, which opens it with its private key
 * and answers the merchant, amount and description to show the holder before they confirm with
 * `payOrder`. Nothing is decrypted on the device.
 *
 * @example
 * import { openAppHandoff } from '@ecny/sdk-core/app-pay'
 * const order = await openAppHandoff(client, handoff)
 * confirm(`Pay ${formatYuan(order.amount)} to ${order.merchantName}?`)
 * await payOrder(client, { orderId: order.orderId, walletId, amount: order.amount })
 */
export async function openAppHandoff(
  client: EcnyBaseClient,
  parameters: OpenAppHandoffParameters,
  options: CallOptions = {},
): Promise<OpenAppHandoffReturnType> {
  const body = parseInput(appHandoff, parameters)
  // Opening reads; it changes nothing, so it is safe to repeat under one key.
  return client.request({ ...fromOperation(appHandoffOperations.openAppHandoff), body, ...options })
}
