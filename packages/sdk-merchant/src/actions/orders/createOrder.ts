import { contractPayment, operations } from '@ecny/protocol'
import {
  type CallOptions,
  type ConflictError,
  type Order,
  positiveFenSchema,
  type RequestErrorType,
  type ResultUnknownError,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, randomId, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import {
  gatewayId,
  goodsNameSchema,
  merchantNumber,
  notifyUrlSchema,
  seconds,
  terminalNoSchema,
} from '../../internal/inputs.js'
import { merchantIdFor } from '../../internal/merchantIdFor.js'
import { withInFlightRecord } from './recordInFlightCreate.js'

const common = {
  /** The merchant taking the payment; default: the client's `merchantId`, else the app's only merchant. */
  merchantId: z.optional(gatewayId('merchantId')),
  /** Your number for this order: unique per merchant, reused when you retry, never reused after. */
  merchantOrderNo: merchantNumber('merchantOrderNo'),
  /** Integer fen, at least 1. */
  amount: positiveFenSchema,
  /** Goods name shown to the payer: ≤ 40 characters, none of `/ = &`. */
  description: goodsNameSchema,
  /** How long a `qr`/`app` order waits to be paid. Default 900 s, at most 7 days. */
  expiresInSeconds: z.optional(seconds('expiresInSeconds', 1, 7 * 86_400)),
  sceneId: z.optional(gatewayId('sceneId')),
  /** Terminal number: ≤ 32 printable ASCII characters, no Chinese. */
  terminalId: z.optional(terminalNoSchema),
  /** Where this order's notifications go; default: the merchant's notify URL. */
  notifyUrl: z.optional(notifyUrlSchema),
}

const createOrderParameters = z.discriminatedUnion(
  'mode',
  [
    z.object({
      ...common,
      mode: z.literal('qr'),
      /**
       * A smart-contract payment: clearing delayed by `delayTime` `timeUnit`s, then the amount split
       * across `benefitList` (`{ benefitWalletId, percent }`, percents with two decimals adding up to
       * exactly 1). CMB: `ecny/contractUnifiedOrder`.
       */
      contract: z.optional(contractPayment),
    }),
    z.object({ ...common, mode: z.literal('app') }),
    z.object({
      ...common,
      mode: z.literal('payment_code'),
      /** The code scanned from the customer's wallet app. */
      paymentCode: z
        .string({ error: 'paymentCode must be a string' })
        .check(
          z.regex(/^\d{19}$/, { error: 'paymentCode must be the 19 digits scanned from the wallet app' }),
        ),
    }),
    z.object({ ...common, mode: z.literal('sub_wallet'), subWalletId: gatewayId('subWalletId') }),
  ],
  { error: 'mode must be one of qr, payment_code, sub_wallet, app' },
)

export type CreateOrderParameters = z.input<typeof createOrderParameters>
export type CreateOrderReturnType = Order
/** What createOrder can throw: see each code in docs/errors.md. */
export type CreateOrderErrorType = ConflictError | ResultUnknownError | RequestErrorType

/**
 * Creates an order in one of four modes:
 * - `qr`: a merchant-presented code; show `order.qrPayload` (e.g. with `renderQrSvg`) and wait.
 *   With `contract`, a smart-contract payment: clearing is delayed, then the amount is split.
 * - `payment_code`: charges the code you scanned from the customer's wallet app at once; the order
 *   comes back `succeeded`, or `failed` with `failureCode`.
 * - `sub_wallet`: charges a sub-wallet the customer pushed to you, without a password, at once.
 * - `app`: an in-app / H5 order: seal it for the holder's wallet app with `createAppHandoff` and wait
 *   (under CMB the answer already carries CMB's hand-off as `appHandoff`).
 *
 * Inputs are checked before anything is sent (goods name ≤ 40 characters without `/ = &`, terminal
 * ≤ 32 characters without Chinese, amount a positive integer of fen). If the gateway may have
 * created the order but no answer came back, this throws `result_unknown` whose `details` carry
 * `merchantOrderNo`: settle it with {@link resolveUnknownOutcome}, never with a new number. The
 * client's `inFlightCreates` store keeps such a create (number, idempotency key, request) until it
 * is settled, so `recoverInFlightCreates` finds it after a restart too.
 *
 * @example
 * const order = await createOrder(client, {
 *   mode: 'qr', merchantOrderNo: 'A-1001', amount: 1_250, description: 'Latte',
 * })
 * const svg = await renderQrSvg(order.qrPayload!)
 *
 * @example
 * // Profit split, cleared a day after payment: 70 % to one wallet, 30 % to another.
 * await createOrder(client, {
 *   mode: 'qr', merchantOrderNo: 'A-1002', amount: 10_000, description: 'Tickets',
 *   contract: { delayTime: 1, timeUnit: 'day', benefitList: [
 *     { benefitWalletId: '0021000000000001', percent: 0.7 },
 *     { benefitWalletId: '0021000000000002', percent: 0.3 },
 *   ] },
 * })
 */
export async function createOrder(
  client: MerchantBaseClient,
  parameters: CreateOrderParameters,
  options: CallOptions = {},
): Promise<CreateOrderReturnType> {
  const input = parseInput(createOrderParameters, parameters, 'order')
  const merchantId = merchantIdFor(client, input.merchantId)
  const body = { ...input, ...(merchantId !== undefined && { merchantId }) }
  const ref = { merchantOrderNo: input.merchantOrderNo, ...(merchantId !== undefined && { merchantId }) }
  const store = client.inFlightCreates
  // The key is fixed now so the record names the one every attempt is sent with.
  const idempotencyKey = options.idempotencyKey ?? (store ? randomId('idk_') : undefined)
  const create = {
    ...ref,
    ...(idempotencyKey !== undefined && { idempotencyKey }),
    startedAt: Date.now(),
    request: body,
  }
  return withInFlightRecord(store, create, () =>
    client.request({
      ...fromOperation(operations.createOrder),
      body,
      outcomeLookup: ref,
      ...options,
      ...(idempotencyKey !== undefined && { idempotencyKey }),
    }),
  )
}
