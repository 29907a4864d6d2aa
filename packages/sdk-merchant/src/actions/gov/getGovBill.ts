import { operations } from '@ecny/protocol'
import type { CallOptions, GovBill, NotFoundError, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId } from '../../internal/inputs.js'

const getGovBillParameters = z.object({ billId: gatewayId('billId') })

export type GetGovBillParameters = z.input<typeof getGovBillParameters>
export type GetGovBillReturnType = GovBill
/** What getGovBill can throw: see each code in docs/errors.md. */
export type GetGovBillErrorType = NotFoundError | RequestErrorType

/**
 * Reads a government bill: `unpaid`, `paid` (with `receipt`), `overdue` or `canceled`.
 *
 * @example
 * const bill = await getGovBill(client, { billId })
 * if (bill.status === 'paid') archive(bill.receipt)
 */
export async function getGovBill(
  client: MerchantBaseClient,
  parameters: GetGovBillParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<GetGovBillReturnType> {
  const { billId } = parseInput(getGovBillParameters, parameters)
  return client.request({
    ...fromOperation(operations.getGovBill, { id: billId }),
    ...options,
  })
}
