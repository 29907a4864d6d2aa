import { type GovPaymentResult, operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type {
  ConflictError,
  InsufficientFundsError,
  InvalidRequestError,
  LimitExceededError,
  NotFoundError,
  ResultUnknownError,
} from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { walletIdSchema } from '../../ids/schemas.js'
import { positiveFenSchema } from '../../money/schemas.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { govAgencyCodeInput, govPaymentCodeInput } from './govInputs.js'

const payGovBillParameters = z.object({
  paymentCode: govPaymentCodeInput,
  agencyCode: govAgencyCodeInput,
  /** The paying wallet. */
  walletId: walletIdSchema,
  /** Default: everything due today. A part only where the bill allows partial payment. */
  amount: z.optional(positiveFenSchema),
})

export type PayGovBillParameters = z.input<typeof payGovBillParameters>
/** The bill after the payment (as the payer sees it), the order, and the signed e-bill to keep. */
export type PayGovBillReturnType = GovPaymentResult
/** What payGovBill can throw: see each code in docs/errors.md. */
export type PayGovBillErrorType =
  | NotFoundError // bill_code_unknown
  | InvalidRequestError // bill_agency_mismatch, invalid_request (amount)
  | ConflictError // bill_code_expired, bill_already_paid
  | LimitExceededError
  | InsufficientFundsError
  | ResultUnknownError
  | RequestErrorType

/**
 * Pays a 缴款码 bill from a wallet: what is due today (principal plus any late fee), or a part
 * where the bill allows one. Answers the fiscal e-bill (财政电子票据; for a tax bill its 完税证明)
 * signed by the gateway: save it (`renderEBillHtml`) and check it any time with `verifyEBill`.
 * Sent with one idempotency key, so a retry after a lost answer never pays twice.
 *
 * @example
 * const { ebill } = await payGovBill(client, { paymentCode, agencyCode, walletId })
 * await writeFile(`${ebill.ebill.number}.html`, renderEBillHtml(ebill))
 */
export async function payGovBill(
  client: EcnyBaseClient,
  parameters: PayGovBillParameters,
  options: CallOptions = {},
): Promise<PayGovBillReturnType> {
  const body = parseInput(payGovBillParameters, parameters)
  return client.request({ ...fromOperation(operations.payGovBillWithWallet), body, ...options })
}
