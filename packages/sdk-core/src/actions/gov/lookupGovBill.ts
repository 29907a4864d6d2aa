import { type GovPaymentBill, operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { ConflictError, InvalidRequestError, NotFoundError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { govAgencyCodeInput, govPaymentCodeInput } from './govInputs.js'

const lookupGovBillParameters = z.object({
  /** The 缴款码 on the payment notice. */
  paymentCode: govPaymentCodeInput,
  /** The collecting agency's code (执收单位编码) on the same notice. */
  agencyCode: govAgencyCodeInput,
})

export type LookupGovBillParameters = z.input<typeof lookupGovBillParameters>
export type LookupGovBillReturnType = GovPaymentBill
/** What lookupGovBill can throw: see each code in docs/errors.md. */
export type LookupGovBillErrorType =
  | NotFoundError // bill_code_unknown
  | InvalidRequestError // bill_agency_mismatch, invalid_request
  | ConflictError
  | RequestErrorType

/**
 * Looks a bill up the way a payer does: by the 缴款码 and 执收单位编码 on the notice. Answers the
 * items, the amount, the due date, the late-fee rule and what is due today (`amountDue`), with the
 * payer's name masked (`*四`). A code whose check digit fails is refused before sending.
 *
 * @example
 * const bill = await lookupGovBill(client, { paymentCode: '32050012345678901234', agencyCode: '320500001' })
 * confirm(`${bill.agencyName}: pay ${formatYuan(bill.amountDue)} for ${bill.payerName}?`)
 */
export async function lookupGovBill(
  client: EcnyBaseClient,
  parameters: LookupGovBillParameters,
  options: CallOptions = {},
): Promise<LookupGovBillReturnType> {
  const body = parseInput(lookupGovBillParameters, parameters)
  // A lookup: safe to repeat, so it carries an idempotency key and is retried like resolveQr.
  return client.request({ ...fromOperation(operations.lookupGovBill), body, ...options })
}
