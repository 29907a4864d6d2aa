import type { CallOptions } from '@ecny/sdk-core'
import {
  type CancelOrderParameters,
  type CancelOrderReturnType,
  cancelOrder,
} from '../../actions/orders/cancelOrder.js'
import {
  type CloseOrderParameters,
  type CloseOrderReturnType,
  closeOrder,
} from '../../actions/orders/closeOrder.js'
import {
  type CreateAppHandoffParameters,
  type CreateAppHandoffReturnType,
  createAppHandoff,
} from '../../actions/orders/createAppHandoff.js'
import {
  type CreateOrderParameters,
  type CreateOrderReturnType,
  createOrder,
} from '../../actions/orders/createOrder.js'
import { type GetOrderParameters, type GetOrderReturnType, getOrder } from '../../actions/orders/getOrder.js'
import {
  type GetOrderByMerchantOrderNoParameters,
  type GetOrderByMerchantOrderNoReturnType,
  getOrderByMerchantOrderNo,
} from '../../actions/orders/getOrderByMerchantOrderNo.js'
import {
  type ListInFlightCreatesParameters,
  type ListInFlightCreatesReturnType,
  listInFlightCreates,
} from '../../actions/orders/listInFlightCreates.js'
import {
  type RecoverInFlightCreatesParameters,
  type RecoverInFlightCreatesReturnType,
  recoverInFlightCreates,
} from '../../actions/orders/recoverInFlightCreates.js'
import {
  type ResolveUnknownOutcomeParameters,
  type ResolveUnknownOutcomeReturnType,
  resolveUnknownOutcome,
} from '../../actions/orders/resolveUnknownOutcome.js'
import {
  type WaitForOrderFinalParameters,
  type WaitForOrderFinalReturnType,
  waitForOrderFinal,
} from '../../actions/orders/waitForOrderFinal.js'
import type { MerchantBaseClient } from '../MerchantBaseClient.js'

type Read = Omit<CallOptions, 'idempotencyKey'>

export type OrderActions = {
  orders: {
    /** Creates an order (qr, payment_code, sub_wallet, app). See {@link createOrder}. */
    create: (parameters: CreateOrderParameters, options?: CallOptions) => Promise<CreateOrderReturnType>
    /** Seals an app order for the holder's wallet app (App / H5). See {@link createAppHandoff}. */
    createAppHandoff: (
      parameters: CreateAppHandoffParameters,
      options?: Pick<CallOptions, 'signal' | 'timeoutMs'>,
    ) => Promise<CreateAppHandoffReturnType>
    /** Reads an order by id. See {@link getOrder}. */
    get: (parameters: GetOrderParameters, options?: Read) => Promise<GetOrderReturnType>
    /** Reads an order by your number. See {@link getOrderByMerchantOrderNo}. */
    getByMerchantOrderNo: (
      parameters: GetOrderByMerchantOrderNoParameters,
      options?: Read,
    ) => Promise<GetOrderByMerchantOrderNoReturnType>
    /** Closes an unpaid order. See {@link closeOrder}. */
    close: (parameters: CloseOrderParameters, options?: CallOptions) => Promise<CloseOrderReturnType>
    /** Reverses a paid order. See {@link cancelOrder}. */
    cancel: (parameters: CancelOrderParameters, options?: CallOptions) => Promise<CancelOrderReturnType>
    /** Polls until final. See {@link waitForOrderFinal}. */
    waitForFinal: (
      parameters: WaitForOrderFinalParameters,
      options?: Pick<CallOptions, 'signal'>,
    ) => Promise<WaitForOrderFinalReturnType>
    /** Settles a `result_unknown`. See {@link resolveUnknownOutcome}. */
    resolveUnknownOutcome: (
      parameters: ResolveUnknownOutcomeParameters,
      options?: Pick<CallOptions, 'signal'>,
    ) => Promise<ResolveUnknownOutcomeReturnType>
    /** Creates sent without a final answer yet (the `inFlightCreates` store). See {@link listInFlightCreates}. */
    listInFlight: (parameters?: ListInFlightCreatesParameters) => Promise<ListInFlightCreatesReturnType>
    /** Settles the in-flight creates, e.g. after a restart. See {@link recoverInFlightCreates}. */
    recoverInFlight: (
      parameters?: RecoverInFlightCreatesParameters,
      options?: Pick<CallOptions, 'signal'>,
    ) => Promise<RecoverInFlightCreatesReturnType>
  }
}

/**
 * Binds the order actions as `client.orders.*`.
 *
 * @example
 * const { orders } = orderActions(base)
 * const order = await orders.create({ mode: 'qr', merchantOrderNo: 'A-1', amount: 100, description: 'Tea' })
 */
export function orderActions(client: MerchantBaseClient): OrderActions {
  return {
    orders: {
      create: (parameters, options) => createOrder(client, parameters, options),
      createAppHandoff: (parameters, options) => createAppHandoff(client, parameters, options),
      get: (parameters, options) => getOrder(client, parameters, options),
      getByMerchantOrderNo: (parameters, options) => getOrderByMerchantOrderNo(client, parameters, options),
      close: (parameters, options) => closeOrder(client, parameters, options),
      cancel: (parameters, options) => cancelOrder(client, parameters, options),
      waitForFinal: (parameters, options) => waitForOrderFinal(client, parameters, options),
      resolveUnknownOutcome: (parameters, options) => resolveUnknownOutcome(client, parameters, options),
      listInFlight: (parameters) => listInFlightCreates(client, parameters),
      recoverInFlight: (parameters, options) => recoverInFlightCreates(client, parameters, options),
    },
  }
}
