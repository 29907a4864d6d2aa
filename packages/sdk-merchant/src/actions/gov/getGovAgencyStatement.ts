import { operations } from '@ecny/protocol'
import type { CallOptions, GovAgencyStatement, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { calendarDate } from '../../internal/inputs.js'

const getGovAgencyStatementParameters = z.object({
  /** 执收单位编码 */
  agencyCode: z
    .string({ error: 'agencyCode must be a string' })
    .check(z.regex(/^[0-9A-Za-z]{6,20}$/, { error: 'agencyCode must be 6–20 letters or digits' })),
  /** The day, `YYYY-MM-DD` (Asia/Shanghai). */
  date: calendarDate('date'),
})

export type GetGovAgencyStatementParameters = z.input<typeof getGovAgencyStatementParameters>
export type GetGovAgencyStatementReturnType = GovAgencyStatement
/** What getGovAgencyStatement can throw: see each code in docs/errors.md. */
export type GetGovAgencyStatementErrorType = RequestErrorType

/**
 * One agency code's payments of a day, for reconciliation: a row per payment (缴款码, bill, order,
 * e-bill number, principal, late fee, amount), oldest first, and the totals.
 *
 * @example
 * const { rows, totals } = await getGovAgencyStatement(client, { agencyCode: '320500001', date: '2026-03-02' })
 */
export async function getGovAgencyStatement(
  client: MerchantBaseClient,
  parameters: GetGovAgencyStatementParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<GetGovAgencyStatementReturnType> {
  const query = parseInput(getGovAgencyStatementParameters, parameters)
  return client.request({ ...fromOperation(operations.getGovAgencyStatement), query, ...options })
}
