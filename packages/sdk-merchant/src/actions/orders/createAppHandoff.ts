import { order as orderSchema } from '@ecny/protocol'
import { type AppHandoff, appHandoffOperations, sealAppHandoff } from '@ecny/protocol/app-pay'
import {
  type CallOptions,
  type ConflictError,
  createEcnyError,
  getOrder,
  type NotFoundError,
  type Order,
  type RequestErrorType,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId } from '../../internal/inputs.js'
import { operatorAppHandoff } from './operatorAppHandoff.js'

const institution = z.string().check(z.minLength(1), z.maxLength(32))

const createAppHandoffParameters = z
  .object({
    /** The `app` order to hand to the holder's wallet app (still unpaid). */
    orderId: z.optional(gatewayId('orderId')),
    /** Or the order itself, as `orders.create` returned it: it is not read again. */
    order: z.optional(orderSchema),
    /** Your app id at the gateway (the `merchantAppId` the wallet app sees). */
    merchantAppId: z.string().check(z.minLength(1), z.maxLength(64)),
    /** Your acquiring service institution's code (optional); default: the one the gateway names with its key. */
    acqAgtInstnId: z.optional(institution),
    /** The institution operating your receiving wallet; default: the one the gateway (or operator) names. */
    creditorInstitutionId: z.optional(institution),
  })
  .check(
    z.refine((params) => (params.orderId === undefined) !== (params.order === undefined), {
      message: 'pass exactly one of orderId and order',
      path: ['orderId'],
    }),
  )

export type CreateAppHandoffParameters = z.input<typeof createAppHandoffParameters>
export type CreateAppHandoffReturnType = AppHandoff
/** What createAppHandoff can throw: see each code in docs/errors.md. */
export type CreateAppHandoffErrorType = NotFoundError | ConflictError | RequestErrorType

/**
 * Seals an `app` order for the holder's wallet app (App / H5 payment): reads the order (unless you
 * pass it), fetches the wallet operator's current hand-off key, and encrypts the order info to it —
 * a fresh AES-256-GCM content key for the info, that key encrypted to the operator's P-256 key. Run
 * it on your server and pass the result to your app or H5 page unchanged; the wallet side opens it
 * with `openAppHandoff` (`@ecny/sdk-core/app-pay`) and pays with `payOrder`.
 *
 * Under an operator that seals the hand-off itself (CMB 聚合收单 §4.17), the same call returns the
 * operator's: CMB's `context` (`mrchntNo`, `cdtrPtyId`, `encryptKey`, `encryptInfo`, `ncrptnSN`) and
 * `invokeUrl` in these fields (docs/operators/cmb.md), from the order `orders.create` returned, or
 * by initiating the app order again under its merchant order number.
 *
 * @example
 * const order = await client.orders.create({ mode: 'app', merchantOrderNo: 'A-1', amount: 1_250, description: 'Tea' })
 * const handoff = await client.orders.createAppHandoff({ order, merchantAppId: appId })
 * res.json(handoff) // → the wallet app
 */
export async function createAppHandoff(
  client: MerchantBaseClient,
  parameters: CreateAppHandoffParameters,
  options: Pick<CallOptions, 'signal' | 'timeoutMs'> = {},
): Promise<CreateAppHandoffReturnType> {
  const params = parseInput(createAppHandoffParameters, parameters)
  const order: Order = params.order ?? (await getOrder(client, { orderId: params.orderId! }, options))
  // An operator's order query may not say the mode (CMB's does not): the operator then decides.
  if (order.mode !== 'app' && !(client.operator !== undefined && order.mode === 'unknown')) {
    throw createEcnyError(
      'invalid_request',
      `Order ${order.id} is a ${order.mode} order; only app orders are handed to a wallet app.`,
      {
        hint: "Create the order with mode: 'app' to pay it in the holder's wallet app.",
        details: { orderId: order.id, mode: order.mode },
      },
    )
  }
  if (client.operator !== undefined) return operatorAppHandoff(client, order, params, options)
  if (order.status !== 'created') {
    throw createEcnyError(
      'order_not_payable',
      `Order ${order.id} is ${order.status}: there is nothing left to pay.`,
      {
        hint: 'Read the order; create a new one to take another payment.',
        details: { orderId: order.id, status: order.status },
      },
    )
  }
  const key = await client.request({ ...fromOperation(appHandoffOperations.getAppHandoffKey), ...options })
  const acqAgtInstnId = params.acqAgtInstnId ?? key.acqAgtInstnId
  const creditorInstitutionId = params.creditorInstitutionId ?? key.creditorInstitutionId
  if (!creditorInstitutionId) {
    throw createEcnyError(
      'invalid_request',
      'Invalid request: creditorInstitutionId: required; this gateway does not name it with its key.',
      {
        hint: 'Pass creditorInstitutionId (the institution operating your receiving wallet) to createAppHandoff.',
        details: { issues: [{ path: 'creditorInstitutionId', message: 'required' }] },
      },
    )
  }
  return sealAppHandoff({
    merchantAppId: params.merchantAppId,
    merchantNo: order.merchantId,
    acqAgtInstnId,
    creditorInstitutionId,
    info: {
      orderId: order.id,
      merchantOrderNo: order.merchantOrderNo,
      amount: order.amount,
      currency: 'CNY',
      description: order.description,
      expiresAt: order.expiresAt,
    },
    key,
  })
}
