import {
  type CreatePaymentCodeParameters,
  type CreatePaymentCodeReturnType,
  createPaymentCode,
} from '../../actions/payments/createPaymentCode.js'
import {
  type GetOrderParameters,
  type GetOrderReturnType,
  getOrder,
} from '../../actions/payments/getOrder.js'
import {
  type PayOrderParameters,
  type PayOrderReturnType,
  payOrder,
} from '../../actions/payments/payOrder.js'
import {
  type ResolveQrParameters,
  type ResolveQrReturnType,
  resolveQr,
} from '../../actions/payments/resolveQr.js'
import {
  type WaitForFinalParameters,
  type WaitForFinalReturnType,
  waitForFinal,
} from '../../actions/payments/waitForOrderFinal.js'
import {
  type WatchPaymentCodeParameters,
  type WatchPaymentCodeReturnType,
  watchPaymentCode,
} from '../../actions/payments/watchPaymentCode.js'
import type { CallOptions } from '../../transport/request.js'
import type { EcnyBaseClient } from '../createBaseClient.js'
import type { ActionDefaults } from './walletActions.js'

export type PaymentActions = {
  payments: {
    /** Turns a scanned QR code into its order. See {@link resolveQr}. */
    resolveQr: (parameters: ResolveQrParameters, options?: CallOptions) => Promise<ResolveQrReturnType>
    /** Pays an order from a wallet, pre-checking limits. See {@link payOrder}. */
    pay: (parameters: PayOrderParameters, options?: CallOptions) => Promise<PayOrderReturnType>
    /** Creates a customer-presented payment code. See {@link createPaymentCode}. */
    createPaymentCode: (
      parameters: CreatePaymentCodeParameters,
      options?: CallOptions,
    ) => Promise<CreatePaymentCodeReturnType>
    /** Keeps a fresh payment code coming until stopped. See {@link watchPaymentCode}. */
    watchPaymentCode: (
      parameters: WatchPaymentCodeParameters,
      options?: Pick<CallOptions, 'signal' | 'timeoutMs' | 'maxRetries'>,
    ) => WatchPaymentCodeReturnType
    /** Reads an order. See {@link getOrder}. */
    get: (
      parameters: GetOrderParameters,
      options?: Omit<CallOptions, 'idempotencyKey'>,
    ) => Promise<GetOrderReturnType>
    /** Polls an order until it is final. See {@link waitForFinal}. */
    waitForFinal: (
      parameters: WaitForFinalParameters,
      options?: Pick<CallOptions, 'signal'>,
    ) => Promise<WaitForFinalReturnType>
  }
}

/**
 * Binds the holder-side payment actions to a client as `client.payments.*`.
 *
 * @example
 * const { payments } = paymentActions(createBaseClient(config))
 * const qr = await payments.resolveQr({ payload })
 */
export function paymentActions(client: EcnyBaseClient, defaults: ActionDefaults = {}): PaymentActions {
  return {
    payments: {
      resolveQr: (parameters, options) => resolveQr(client, parameters, options),
      pay: (parameters, options) =>
        payOrder(client, { limitDefaults: defaults.limitDefaults, ...parameters }, options),
      createPaymentCode: (parameters, options) => createPaymentCode(client, parameters, options),
      watchPaymentCode: (parameters, options) => watchPaymentCode(client, parameters, options),
      get: (parameters, options) => getOrder(client, parameters, options),
      waitForFinal: (parameters, options) => waitForFinal(client, parameters, options),
    },
  }
}
