import type { CallOptions } from '@ecny/sdk-core'
import {
  type CreateRefundParameters,
  type CreateRefundReturnType,
  createRefund,
} from '../../actions/refunds/createRefund.js'
import {
  type GetRefundParameters,
  type GetRefundReturnType,
  getRefund,
} from '../../actions/refunds/getRefund.js'
import {
  type ListRefundsParameters,
  type ListRefundsReturnType,
  listRefunds,
} from '../../actions/refunds/listRefunds.js'
import type { MerchantBaseClient } from '../MerchantBaseClient.js'

type Read = Omit<CallOptions, 'idempotencyKey'>

export type RefundActions = {
  refunds: {
    /** Refunds part or all of an order, idempotent by refund number. See {@link createRefund}. */
    create: (parameters: CreateRefundParameters, options?: CallOptions) => Promise<CreateRefundReturnType>
    /** Reads a refund. See {@link getRefund}. */
    get: (parameters: GetRefundParameters, options?: Read) => Promise<GetRefundReturnType>
    /** Lists an order's refunds. See {@link listRefunds}. */
    list: (parameters: ListRefundsParameters, options?: Read) => Promise<ListRefundsReturnType>
  }
}

/**
 * Binds the refund actions as `client.refunds.*`.
 *
 * @example
 * await refundActions(base).refunds.create({ orderId, merchantRefundNo: 'R-1', amount: 100 })
 */
export function refundActions(client: MerchantBaseClient): RefundActions {
  return {
    refunds: {
      create: (parameters, options) => createRefund(client, parameters, options),
      get: (parameters, options) => getRefund(client, parameters, options),
      list: (parameters, options) => listRefunds(client, parameters, options),
    },
  }
}
