import { operations } from '@ecny/protocol'
import type { CallOptions, GovPaymentBill, NotFoundError, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId } from '../../internal/inputs.js'

const getGovPaymentBillParameters = z.object({ billId: gatewayId('billId') })

export type GetGovPaymentBillParameters = z.input<typeof getGovPaymentBillParameters>
export type GetGovPaymentBillReturnType = GovPaymentBill
/** What getGovPaymentBill can throw: see each code in docs/errors.md. */
export type GetGovPaymentBillErrorType = NotFoundError | RequestErrorType

/**
 * Reads a registered bill as the agency sees it: the payer in full, every payment with its wallet
 * and e-bill, and what is due today (`amountDue`, `lateFeeDue`).
 *
 * @example
 * const bill = await getGovPaymentBill(client, { billId })
 * if (bill.status === 'paid') archive(bill.payments)
 */
export async function getGovPaymentBill(
  client: MerchantBaseClient,
  parameters: GetGovPaymentBillParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<GetGovPaymentBillReturnType> {
  const { billId } = parseInput(getGovPaymentBillParameters, parameters)
  return client.request({ ...fromOperation(operations.getGovPaymentBill, { id: billId }), ...options })
}
