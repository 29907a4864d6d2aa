import { type CorporateSubWallet, corporateWalletOperations } from '@ecny/protocol/corporate'
import * as z from 'zod/mini'
import { walletIdSchema } from '../actions/inputs.js'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import type { RequestErrorType } from '../errors/RequestErrorType.js'
import { positiveFenSchema } from '../money/schemas.js'
import { fromOperation } from '../transport/fromOperation.js'
import type { CallOptions } from '../transport/request.js'
import { parseInput } from '../validation/parseInput.js'

const openCorporateSubWalletParameters = z.object({
  /** The company's WT09 wallet. */
  walletId: walletIdSchema,
  /** The department or store it is for: 1–64 characters, e.g. `徐汇店`. */
  name: z
    .string({ error: 'name must be a string' })
    .check(z.trim(), z.minLength(1, { error: 'name must not be empty' }), z.maxLength(64)),
  /** Its own caps in fen, each optional: a single payment, a day's spending, its balance. */
  caps: z.optional(
    z.object({
      single: z.optional(positiveFenSchema),
      daily: z.optional(positiveFenSchema),
      balance: z.optional(positiveFenSchema),
    }),
  ),
})

export type OpenCorporateSubWalletParameters = z.input<typeof openCorporateSubWalletParameters>
export type OpenCorporateSubWalletReturnType = CorporateSubWallet
/** What openCorporateSubWallet can throw: see each code in docs/errors.md. */
export type OpenCorporateSubWalletErrorType = RequestErrorType

/**
 * Opens a WT10 sub-wallet (子对公钱包) under a company's WT09 wallet for a department or store, with
 * its own caps. It starts empty; fund it with `allocateToCorporateSubWallet`. Server credentials only.
 *
 * @example
 * const store = await openCorporateSubWallet(client, {
 *   walletId: companyWalletId, name: '徐汇店', caps: { single: 500_000, daily: 2_000_000 },
 * })
 */
export async function openCorporateSubWallet(
  client: EcnyBaseClient,
  parameters: OpenCorporateSubWalletParameters,
  options: CallOptions = {},
): Promise<OpenCorporateSubWalletReturnType> {
  const { walletId, ...body } = parseInput(openCorporateSubWalletParameters, parameters)
  return client.request({
    ...fromOperation(corporateWalletOperations.openCorporateSubWallet, { id: walletId }),
    body,
    ...options,
  })
}
