import { operations } from '@ecny/protocol'
import {
  type CallOptions,
  type ConflictError,
  type GovPaymentBill,
  type NotFoundError,
  positiveFenSchema,
  type RequestErrorType,
  type ResultUnknownError,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId, seconds } from '../../internal/inputs.js'

const qrForPaymentBillParameters = z.object({
  billId: gatewayId('billId'),
  /** Default: everything due today. A part only where the bill allows partial payment. */
  amount: z.optional(positiveFenSchema),
  /** Default 900 s; the code never outlives the day (Asia/Shanghai), when a late fee may change. */
  expiresInSeconds: z.optional(seconds('expiresInSeconds', 1, 86_400)),
})

export type QrForPaymentBillParameters = z.input<typeof qrForPaymentBillParameters>
/** The bill with `orderId` and `qrPayload` set: show the payload as a QR code. */
export type QrForPaymentBillReturnType = GovPaymentBill & { orderId: string; qrPayload: string }
/** What qrForPaymentBill can throw: see each code in docs/errors.md. */
export type QrForPaymentBillErrorType = NotFoundError | ConflictError | ResultUnknownError | RequestErrorType

/**
 * Makes a registered bill payable by QR at the counter or on the notice: an ordinary `qr` order for
 * what is due today. Asking again for the same amount while it is open returns the same payload.
 * Once paid, the bill shows the payment and its e-bill (`eBills`). A paid bill is
 * `bill_already_paid`; one past its last payable day `bill_code_expired`.
 *
 * @example
 * const { qrPayload } = await qrForPaymentBill(client, { billId })
 * const svg = await renderQrSvg(qrPayload)
 */
export async function qrForPaymentBill(
  client: MerchantBaseClient,
  parameters: QrForPaymentBillParameters,
  options: CallOptions = {},
): Promise<QrForPaymentBillReturnType> {
  const { billId, ...body } = parseInput(qrForPaymentBillParameters, parameters)
  const bill = await client.request({
    ...fromOperation(operations.createGovBillCodeQr, { id: billId }),
    body,
    ...options,
  })
  return bill as QrForPaymentBillReturnType
}
