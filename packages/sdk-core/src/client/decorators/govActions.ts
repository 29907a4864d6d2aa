import type { GovEBill } from '@ecny/protocol'
import type { JSONWebKeySet } from 'jose'
import {
  type CheckGovEBillParameters,
  type CheckGovEBillReturnType,
  checkGovEBill,
} from '../../actions/gov/checkGovEBill.js'
import {
  type LookupGovBillParameters,
  type LookupGovBillReturnType,
  lookupGovBill,
} from '../../actions/gov/lookupGovBill.js'
import {
  type PayGovBillParameters,
  type PayGovBillReturnType,
  payGovBill,
} from '../../actions/gov/payGovBill.js'
import { type EBillDocument, type VerifyEBillOptions, verifyEBill } from '../../actions/gov/verifyEBill.js'
import type { CallOptions } from '../../transport/request.js'
import type { EcnyBaseClient } from '../createBaseClient.js'

export type WalletGovActions = {
  gov: {
    /** Looks a bill up by 缴款码 and 执收单位编码. See {@link lookupGovBill}. */
    lookup: (parameters: LookupGovBillParameters, options?: CallOptions) => Promise<LookupGovBillReturnType>
    /** Pays it from a wallet; answers the signed e-bill. See {@link payGovBill}. */
    pay: (parameters: PayGovBillParameters, options?: CallOptions) => Promise<PayGovBillReturnType>
    /** Fetches an e-bill by code, number and check code. See {@link checkGovEBill}. */
    checkEBill: (
      parameters: CheckGovEBillParameters,
      options?: CallOptions,
    ) => Promise<CheckGovEBillReturnType>
    /**
     * Verifies a saved e-bill with the gateway's keys: `options.gatewayKeys`, else this client's.
     * See {@link verifyEBill}.
     */
    verifyEBill: (document: EBillDocument, options?: Partial<VerifyEBillOptions>) => Promise<GovEBill>
  }
}

/**
 * Binds the payer-side government-bill actions as `client.gov.*`.
 *
 * @example
 * const bill = await walletGovActions(base, { gatewayKeys }).gov.lookup({ paymentCode, agencyCode })
 */
export function walletGovActions(
  client: EcnyBaseClient,
  config: { gatewayKeys?: JSONWebKeySet | string | undefined },
): WalletGovActions {
  const gatewayKeys = config.gatewayKeys ?? `${client.baseUrl}/.well-known/jwks.json`
  return {
    gov: {
      lookup: (parameters, options) => lookupGovBill(client, parameters, options),
      pay: (parameters, options) => payGovBill(client, parameters, options),
      checkEBill: (parameters, options) => checkGovEBill(client, parameters, options),
      verifyEBill: (document, options) =>
        verifyEBill(document, { gatewayKeys: options?.gatewayKeys ?? gatewayKeys }),
    },
  }
}
