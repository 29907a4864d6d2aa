import { operations, type SignedGovEBill } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { NotFoundError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'

const checkGovEBillParameters = z.object({
  /** 票据代码: 8 digits. */
  billCode: z.string().check(z.regex(/^\d{8}$/, { error: 'billCode must be the 8-digit 票据代码' })),
  /** 票据号码: 10 digits. */
  number: z.string().check(z.regex(/^\d{10}$/, { error: 'number must be the 10-digit 票据号码' })),
  /** 校验码: 6 characters. */
  checkCode: z
    .string()
    .check(
      z.trim(),
      z.toUpperCase(),
      z.regex(/^[0-9A-F]{6}$/, { error: 'checkCode must be the 6-character 校验码' }),
    ),
})

export type CheckGovEBillParameters = z.input<typeof checkGovEBillParameters>
export type CheckGovEBillReturnType = SignedGovEBill
/** What checkGovEBill can throw: see each code in docs/errors.md. */
export type CheckGovEBillErrorType = NotFoundError | RequestErrorType

/**
 * Fetches an e-bill again by what is printed on it (查验): bill code, number and check code. A wrong
 * check code is `not_found`, like an unknown number. The answer is signed: pass it to `verifyEBill`.
 *
 * @example
 * const signed = await checkGovEBill(client, { billCode: '32050001', number: '0000000001', checkCode: '3FA2C1' })
 */
export async function checkGovEBill(
  client: EcnyBaseClient,
  parameters: CheckGovEBillParameters,
  options: CallOptions = {},
): Promise<CheckGovEBillReturnType> {
  const body = parseInput(checkGovEBillParameters, parameters)
  return client.request({ ...fromOperation(operations.checkGovEBill), body, ...options })
}
