import { operations } from '@ecny/protocol'
import type {
  CallOptions,
  ConflictError,
  GovBill,
  InsufficientFundsError,
  LimitExceededError,
  NotFoundError,
  RequestErrorType,
  ResultUnknownError,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId, seconds } from '../../internal/inputs.js'

const payGovBillByQrParameters = z.object({
  billId: gatewayId('billId'),
  /** How long the QR code can be paid. Default 900 s. */
  expiresInSeconds: z.optional(seconds('expiresInSeconds', 1, 7 * 86_400)),
})

export type PayGovBillByQrParameters = z.input<typeof payGovBillByQrParameters>
/** The bill with `orderId` and `qrPayload` set: show the payload as a QR code. */
export type PayGovBillByQrReturnType = GovBill & { orderId: string; qrPayload: string }
/** What payGovBillByQr can throw: see each code in docs/errors.md. */
export type PayGovBillByQrErrorType =
  | NotFoundError
  | ConflictError
  | LimitExceededError
  | InsufficientFundsError
  | ResultUnknownError
  | RequestErrorType

/**
 * Makes a bill payable by QR: the gateway creates an ordinary `qr` order for the bill's amount (its
 * merchant order number is the bill number) and returns the payload to show. Calling it again while
 * that order is open returns the same payload; after it expired, a fresh one. When the order
 * succeeds the bill becomes `paid` with a receipt.
 *
 * @example
 * const { qrPayload } = await payGovBillByQr(client, { billId })
 * const svg = await renderQrSvg(qrPayload)
 */
export async function payGovBillByQr(
  client: MerchantBaseClient,
  parameters: PayGovBillByQrParameters,
  options: CallOptions = {},
): Promise<PayGovBillByQrReturnType> {
  const { billId, ...body } = parseInput(payGovBillByQrParameters, parameters)
  const bill = await client.request({
    ...fromOperation(operations.createGovBillQr, { id: billId }),
    body,
    ...options,
  })
  return bill as PayGovBillByQrReturnType
}
