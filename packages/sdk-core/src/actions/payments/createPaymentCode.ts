import type { PaymentCode } from '@ecny/protocol'
import { operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { ConflictError, NotFoundError, ResultUnknownError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { walletIdSchema } from '../inputs.js'

const createPaymentCodeParameters = z.object({ walletId: walletIdSchema })

export type CreatePaymentCodeParameters = z.input<typeof createPaymentCodeParameters>
export type CreatePaymentCodeReturnType = PaymentCode
/** What createPaymentCode can throw: see each code in docs/errors.md. */
export type CreatePaymentCodeErrorType = NotFoundError | ConflictError | ResultUnknownError | RequestErrorType

/**
 * Creates a customer-presented payment code (付款码): 19 digits the merchant scans, single use,
 * valid about 60 s (`expiresAt`). A new code retires the wallet's previous one. To keep a fresh code
 * on screen, use `watchPaymentCode`, which refreshes it before it expires.
 *
 * @example
 * const { code, expiresAt } = await createPaymentCode(client, { walletId })
 * showBarcode(code)
 */
export async function createPaymentCode(
  client: EcnyBaseClient,
  parameters: CreatePaymentCodeParameters,
  options: CallOptions = {},
): Promise<CreatePaymentCodeReturnType> {
  const { walletId } = parseInput(createPaymentCodeParameters, parameters)
  return client.request({
    ...fromOperation(operations.createPaymentCode, { id: walletId }),
    body: {},
    ...options,
  })
}
