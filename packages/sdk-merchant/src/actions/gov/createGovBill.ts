import { operations } from '@ecny/protocol'
import {
  type CallOptions,
  type ConflictError,
  type GovBill,
  positiveFenSchema,
  type RequestErrorType,
  type ResultUnknownError,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { calendarDate, gatewayId } from '../../internal/inputs.js'

const text = (noun: string, max: number) =>
  z
    .string({ error: `${noun} must be a string` })
    .check(
      z.trim(),
      z.minLength(1, { error: `${noun} must not be empty` }),
      z.maxLength(max, { error: `${noun} must be at most ${max} characters` }),
    )

const createGovBillParameters = z.object({
  /** A `government` scene of the collecting merchant. */
  sceneId: gatewayId('sceneId'),
  /** The agency issuing the bill; default the scene's agency. */
  agency: z.optional(text('agency', 128)),
  /** The agency's own bill number: unique per scene. */
  billNo: z
    .string({ error: 'billNo must be a string' })
    .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'billNo must be 1–64 letters, digits, _ or -' })),
  /** One of the scene's `billTypes`, e.g. `tax`. */
  billType: text('billType', 32),
  /** Who owes it (a person or an entity), as printed on the bill. */
  payerName: text('payerName', 128),
  amount: positiveFenSchema,
  /** Last day to pay, `YYYY-MM-DD` (Asia/Shanghai). */
  dueDate: calendarDate('dueDate'),
})

export type CreateGovBillParameters = z.input<typeof createGovBillParameters>
export type CreateGovBillReturnType = GovBill
/** What createGovBill can throw: see each code in docs/errors.md. */
export type CreateGovBillErrorType = ConflictError | ResultUnknownError | RequestErrorType

/**
 * Issues a government or tax bill in a `government` scene: agency, bill number, payer, amount and due
 * date. The payer pays it by scanning a QR code (`payGovBillByQr`); once paid it carries a receipt.
 * Creating the same bill number again returns the bill already issued.
 *
 * @example
 * const bill = await createGovBill(client, {
 *   sceneId, billNo: 'TAX-2025-000123', billType: 'tax', payerName: '李四', amount: 125_000, dueDate: '2025-03-31',
 * })
 */
export async function createGovBill(
  client: MerchantBaseClient,
  parameters: CreateGovBillParameters,
  options: CallOptions = {},
): Promise<CreateGovBillReturnType> {
  const input = parseInput(createGovBillParameters, parameters, 'government bill')
  return client.request({ ...fromOperation(operations.createGovBill), body: input, ...options })
}
