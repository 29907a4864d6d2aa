import type { CallOptions } from '@ecny/sdk-core'
import {
  type CreateGovBillParameters,
  type CreateGovBillReturnType,
  createGovBill,
} from '../../actions/gov/createGovBill.js'
import {
  type GetGovBillParameters,
  type GetGovBillReturnType,
  getGovBill,
} from '../../actions/gov/getGovBill.js'
import {
  type GetGovBillReceiptParameters,
  type GetGovBillReceiptReturnType,
  getGovBillReceipt,
} from '../../actions/gov/getGovBillReceipt.js'
import {
  type PayGovBillByQrParameters,
  type PayGovBillByQrReturnType,
  payGovBillByQr,
} from '../../actions/gov/payGovBillByQr.js'
import type { MerchantBaseClient } from '../MerchantBaseClient.js'

type Read = Omit<CallOptions, 'idempotencyKey'>

export type GovActions = {
  gov: {
    /** Issues a bill. See {@link createGovBill}. */
    createBill: (
      parameters: CreateGovBillParameters,
      options?: CallOptions,
    ) => Promise<CreateGovBillReturnType>
    /** Reads a bill. See {@link getGovBill}. */
    getBill: (parameters: GetGovBillParameters, options?: Read) => Promise<GetGovBillReturnType>
    /** Makes a bill payable by QR. See {@link payGovBillByQr}. */
    payByQr: (
      parameters: PayGovBillByQrParameters,
      options?: CallOptions,
    ) => Promise<PayGovBillByQrReturnType>
    /** The receipt of a paid bill. See {@link getGovBillReceipt}. */
    receipt: (parameters: GetGovBillReceiptParameters, options?: Read) => Promise<GetGovBillReceiptReturnType>
  }
}

/**
 * Binds the government-bill actions as `client.gov.*`.
 *
 * @example
 * const bill = await govActions(base).gov.createBill({ … })
 */
export function govActions(client: MerchantBaseClient): GovActions {
  return {
    gov: {
      createBill: (parameters, options) => createGovBill(client, parameters, options),
      getBill: (parameters, options) => getGovBill(client, parameters, options),
      payByQr: (parameters, options) => payGovBillByQr(client, parameters, options),
      receipt: (parameters, options) => getGovBillReceipt(client, parameters, options),
    },
  }
}
