import {
  type CallOptions,
  ConflictError,
  type GovBill,
  type NotFoundError,
  type RequestErrorType,
} from '@ecny/sdk-core'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { type GetGovBillParameters, getGovBill } from './getGovBill.js'

export type GetGovBillReceiptParameters = GetGovBillParameters
export type GetGovBillReceiptReturnType = NonNullable<GovBill['receipt']> & {
  billId: string
  billNo: string
  agency: string
}

/** What getGovBillReceipt can throw: see each code in docs/errors.md. */
export type GetGovBillReceiptErrorType = NotFoundError | ConflictError | RequestErrorType

/**
 * The receipt of a paid bill: receipt number, when it was paid, the amount and the paying wallet.
 * Throws `invalid_state` while the bill is unpaid.
 *
 * @example
 * const receipt = await getGovBillReceipt(client, { billId })
 * console.log(receipt.receiptNo, receipt.paidAt)
 */
export async function getGovBillReceipt(
  client: MerchantBaseClient,
  parameters: GetGovBillReceiptParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<GetGovBillReceiptReturnType> {
  const bill = await getGovBill(client, parameters, options)
  if (bill.status !== 'paid' || !bill.receipt) {
    throw new ConflictError(
      'invalid_state',
      `Bill ${bill.billNo} is ${bill.status}; a receipt exists only once it is paid.`,
      {
        hint: 'Wait for the order.succeeded notification of its QR order, or poll getGovBill.',
        details: { billId: bill.id, status: bill.status },
      },
    )
  }
  return { ...bill.receipt, billId: bill.id, billNo: bill.billNo, agency: bill.agency }
}
