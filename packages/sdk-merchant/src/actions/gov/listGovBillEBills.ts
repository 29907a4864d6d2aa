import { operations } from '@ecny/protocol'
import type { CallOptions, NotFoundError, RequestErrorType, SignedGovEBill } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId } from '../../internal/inputs.js'

const listGovBillEBillsParameters = z.object({ billId: gatewayId('billId') })

export type ListGovBillEBillsParameters = z.input<typeof listGovBillEBillsParameters>
export type ListGovBillEBillsReturnType = SignedGovEBill[]
/** What listGovBillEBills can throw: see each code in docs/errors.md. */
export type ListGovBillEBillsErrorType = NotFoundError | RequestErrorType

/**
 * The signed e-bills of a registered bill, one per payment, oldest first (none while unpaid).
 *
 * @example
 * const [ebill] = await listGovBillEBills(client, { billId })
 * await writeFile('e-bill.html', renderEBillHtml(ebill))
 */
export async function listGovBillEBills(
  client: MerchantBaseClient,
  parameters: ListGovBillEBillsParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<ListGovBillEBillsReturnType> {
  const { billId } = parseInput(listGovBillEBillsParameters, parameters)
  const { ebills } = await client.request({
    ...fromOperation(operations.listGovBillEBills, { id: billId }),
    ...options,
  })
  return ebills as SignedGovEBill[]
}
