import {
  type CallOptions,
  type CheckGovEBillParameters,
  type CheckGovEBillReturnType,
  checkGovEBill,
  type EBillDocument,
  type GovEBill,
  type LookupGovBillParameters,
  type LookupGovBillReturnType,
  lookupGovBill,
  type VerifyEBillOptions,
  verifyEBill,
} from '@ecny/sdk-core'
import {
  type CreateGovBillParameters,
  type CreateGovBillReturnType,
  createGovBill,
} from '../../actions/gov/createGovBill.js'
import {
  type GetGovAgencyStatementParameters,
  type GetGovAgencyStatementReturnType,
  getGovAgencyStatement,
} from '../../actions/gov/getGovAgencyStatement.js'
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
  type GetGovPaymentBillParameters,
  type GetGovPaymentBillReturnType,
  getGovPaymentBill,
} from '../../actions/gov/getGovPaymentBill.js'
import {
  type ListGovBillEBillsParameters,
  type ListGovBillEBillsReturnType,
  listGovBillEBills,
} from '../../actions/gov/listGovBillEBills.js'
import {
  type PayGovBillByQrParameters,
  type PayGovBillByQrReturnType,
  payGovBillByQr,
} from '../../actions/gov/payGovBillByQr.js'
import {
  type QrForPaymentBillParameters,
  type QrForPaymentBillReturnType,
  qrForPaymentBill,
} from '../../actions/gov/qrForPaymentBill.js'
import {
  type RegisterGovBillParameters,
  type RegisterGovBillReturnType,
  registerGovBill,
} from '../../actions/gov/registerGovBill.js'
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
    /** Registers a bill and gets its 缴款码. See {@link registerGovBill}. */
    registerBill: (
      parameters: RegisterGovBillParameters,
      options?: CallOptions,
    ) => Promise<RegisterGovBillReturnType>
    /** Reads a registered bill. See {@link getGovPaymentBill}. */
    getPaymentBill: (
      parameters: GetGovPaymentBillParameters,
      options?: Read,
    ) => Promise<GetGovPaymentBillReturnType>
    /** Makes a registered bill payable by QR. See {@link qrForPaymentBill}. */
    qrForPaymentBill: (
      parameters: QrForPaymentBillParameters,
      options?: CallOptions,
    ) => Promise<QrForPaymentBillReturnType>
    /** Looks a bill up by 缴款码 and 执收单位编码, as the payer does. See {@link lookupGovBill}. */
    lookup: (parameters: LookupGovBillParameters, options?: CallOptions) => Promise<LookupGovBillReturnType>
    /** The signed e-bills of a registered bill. See {@link listGovBillEBills}. */
    eBills: (parameters: ListGovBillEBillsParameters, options?: Read) => Promise<ListGovBillEBillsReturnType>
    /** Fetches an e-bill by code, number and check code. See {@link checkGovEBill}. */
    checkEBill: (
      parameters: CheckGovEBillParameters,
      options?: CallOptions,
    ) => Promise<CheckGovEBillReturnType>
    /**
     * Verifies a saved e-bill with the gateway's keys: `options.gatewayKeys`, else the client's
     * `gatewayKeys`, else `<baseUrl>/.well-known/jwks.json`. See {@link verifyEBill}.
     */
    verifyEBill: (document: EBillDocument, options?: Partial<VerifyEBillOptions>) => Promise<GovEBill>
    /** One agency code's payments of a day. See {@link getGovAgencyStatement}. */
    statement: (
      parameters: GetGovAgencyStatementParameters,
      options?: Read,
    ) => Promise<GetGovAgencyStatementReturnType>
  }
}

/**
 * Binds the government-bill actions as `client.gov.*`: bills numbered by the agency (`createBill`,
 * `payByQr`, `receipt`) and bills paid by 缴款码 (`registerBill`, `lookup`, `qrForPaymentBill`,
 * `eBills`, `checkEBill`, `verifyEBill`, `statement`).
 *
 * @example
 * const bill = await govActions(base, { gatewayKeys }).gov.createBill({ … })
 */
export function govActions(
  client: MerchantBaseClient,
  config: { gatewayKeys?: VerifyEBillOptions['gatewayKeys'] | undefined } = {},
): GovActions {
  const clientKeys = config.gatewayKeys ?? `${client.baseUrl}/.well-known/jwks.json`
  return {
    gov: {
      createBill: (parameters, options) => createGovBill(client, parameters, options),
      getBill: (parameters, options) => getGovBill(client, parameters, options),
      payByQr: (parameters, options) => payGovBillByQr(client, parameters, options),
      receipt: (parameters, options) => getGovBillReceipt(client, parameters, options),
      registerBill: (parameters, options) => registerGovBill(client, parameters, options),
      getPaymentBill: (parameters, options) => getGovPaymentBill(client, parameters, options),
      qrForPaymentBill: (parameters, options) => qrForPaymentBill(client, parameters, options),
      lookup: (parameters, options) => lookupGovBill(client, parameters, options),
      eBills: (parameters, options) => listGovBillEBills(client, parameters, options),
      checkEBill: (parameters, options) => checkGovEBill(client, parameters, options),
      verifyEBill: (document, options) =>
        verifyEBill(document, { gatewayKeys: options?.gatewayKeys ?? clientKeys }),
      statement: (parameters, options) => getGovAgencyStatement(client, parameters, options),
    },
  }
}
