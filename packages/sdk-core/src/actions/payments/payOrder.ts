import type { Order } from '@ecny/protocol'
import { operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type {
  ConflictError,
  InsufficientFundsError,
  LimitExceededError,
  NotFoundError,
  ResultUnknownError,
} from '../../errors/EcnyError.js'
import { EcnyError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { assertWithinLimits } from '../../limits/assertWithinLimits.js'
import { precheckShape } from '../../limits/precheckOptions.js'
import { positiveFenSchema } from '../../money/schemas.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { gatewayId, paymentPasswordSchema, walletIdSchema } from '../inputs.js'
import { getOrder } from './getOrder.js'
import { precheckNotSent } from './precheckNotSent.js'

/**
 * What the wallet will be asked for — the order's `amountDue` (its amount less points redeemed
 * against it), else its amount — or `undefined` when this caller may not read the order (a
 * wallet-scoped client token): the payment then goes ahead unchecked and the gateway enforces the caps.
 */
async function orderAmount(client: EcnyBaseClient, orderId: string, options: CallOptions) {
  try {
    const order = await getOrder(client, { orderId }, options)
    return order.amountDue ?? order.amount
  } catch (error) {
    if (error instanceof EcnyError && error.code === 'permission_denied') return undefined
    throw error
  }
}

const payOrderParameters = z.object({
  orderId: gatewayId('orderId'),
  /** The paying wallet. */
  walletId: walletIdSchema,
  /**
   * The amount shown to the holder (e.g. `amountDue` from `resolveQr`: the amount less points
   * redeemed against the order), used for the limit pre-check. Without it the SDK reads the order
   * first (a wallet-scoped client token may not read orders: pass `amount` there). The gateway
   * charges the order's own amount, less its points and campaign benefit, either way.
   */
  amount: z.optional(positiveFenSchema),
  /**
   * The campaign whose benefit to use (a held voucher or red envelope, or a discount). Without it
   * the gateway applies the best benefit the wallet is eligible for, if any.
   */
  campaignId: z.optional(gatewayId('campaignId')),
  /**
   * The holder's 6-digit payment password. Without it the payment is password-free (小额免密), which
   * the gateway allows up to the wallet's password-free limit. Wrong passwords count: see
   * `payment_password_incorrect` and `wallet_payments_frozen`.
   */
  password: paymentPasswordSchema,
  ...precheckShape,
})

export type PayOrderParameters = z.input<typeof payOrderParameters>
export type PayOrderReturnType = Order
/** What payOrder can throw: see each code in docs/errors.md. */
export type PayOrderErrorType =
  | NotFoundError
  | ConflictError
  | LimitExceededError
  | InsufficientFundsError
  | ResultUnknownError
  | RequestErrorType

/**
 * Pays a merchant's order from a wallet (the holder side of a QR or in-app payment).
 *
 * Before sending, the SDK checks the amount against the wallet's caps and balance (from the
 * gateway's `GET …/limits`, or the default table) and throws `limit_exceeded` / `insufficient_funds`
 * without sending anything; `precheck: false` skips that (the gateway still enforces). If a
 * pre-check `GET` fails for a transient reason (timeout, connection, 5xx, 429 after the SDK's
 * retries), the error keeps its code, says the payment was not sent and carries
 * `details.paymentSent: false`: calling `payOrder` again is safe.
 *
 * If the outcome is unknown (a timeout or dropped connection after the SDK's retries), this throws
 * `result_unknown` with `details.orderId` and `details.idempotencyKey`. Do not pay again blindly:
 * `waitForFinal(client, { orderId })` settles it, or retry `payOrder` with the same
 * `idempotencyKey`, which the gateway answers without charging twice.
 *
 * @example
 * const qr = await resolveQr(client, { payload })
 * try {
 *   const paid = await payOrder(client, { orderId: qr.orderId, walletId, amount: qr.amount })
 * } catch (error) {
 *   if (error instanceof EcnyError && error.code === 'result_unknown') {
 *     const final = await waitForFinal(client, { orderId: qr.orderId })
 *   } else throw error
 * }
 */
export async function payOrder(
  client: EcnyBaseClient,
  parameters: PayOrderParameters,
  options: CallOptions = {},
): Promise<PayOrderReturnType> {
  const { orderId, walletId, amount, campaignId, password, precheck, limitDefaults } = parseInput(
    payOrderParameters,
    parameters,
  )
  if (precheck !== false) {
    try {
      const toPay = amount ?? (await orderAmount(client, orderId, options))
      // Nothing to check when points pay the whole order.
      if (toPay !== undefined && toPay > 0) {
        await assertWithinLimits(client, { walletId, amount: toPay, kind: 'payment', limitDefaults }, options)
      }
    } catch (error) {
      throw precheckNotSent(error, orderId)
    }
  }
  return client.request({
    ...fromOperation(operations.payOrder, { id: orderId }),
    body: {
      walletId,
      ...(campaignId !== undefined && { campaignId }),
      ...(password !== undefined && { password }),
    },
    outcomeLookup: { orderId },
    ...options,
  })
}
