import { type CorporateSubWallet, corporateWalletOperations } from '@ecny/protocol/corporate'
import * as z from 'zod/mini'
import { walletIdSchema } from '../actions/inputs.js'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import type { ConflictError, NotFoundError } from '../errors/EcnyError.js'
import type { RequestErrorType } from '../errors/RequestErrorType.js'
import { fromOperation } from '../transport/fromOperation.js'
import type { CallOptions } from '../transport/request.js'
import { parseInput } from '../validation/parseInput.js'
import { corporateCapsChangeSchema } from './corporateCapsInput.js'
import { corporateMovementShape } from './corporateInputs.js'

const updateCapsParameters = z.object({
  walletId: walletIdSchema,
  subWalletId: walletIdSchema,
  /** Fen; `null` removes the cap, a cap left out stays as it is. */
  caps: corporateCapsChangeSchema,
  /** Why the caps changed, kept in `capsHistory`: at most 64 characters. */
  memo: corporateMovementShape.memo,
})

export type UpdateCorporateSubWalletCapsParameters = z.input<typeof updateCapsParameters>
export type UpdateCorporateSubWalletCapsReturnType = CorporateSubWallet
/** What updateCorporateSubWalletCaps can throw: see each code in docs/errors.md. */
export type UpdateCorporateSubWalletCapsErrorType = NotFoundError | ConflictError | RequestErrorType

/**
 * Changes a WT10 sub-wallet's caps, as its company (the WT09 parent) decides: they apply from the
 * sub-wallet's next payment or incoming money. Spend already counted today still counts against a
 * new daily cap; a balance above a new balance cap stays, but nothing more comes in until it is
 * below. The answer lists every set of caps it has had in `capsHistory`. Refused with
 * `wallet_closed` for a closed sub-wallet, `not_found` for one of another company.
 *
 * @example
 * // The store may now spend ¥8,000 a day, any single payment up to ¥2,000; no balance cap.
 * await updateCorporateSubWalletCaps(client, {
 *   walletId: companyWalletId, subWalletId: store.id,
 *   caps: { daily: 800_000, single: 200_000, balance: null }, memo: '旺季',
 * })
 */
export async function updateCorporateSubWalletCaps(
  client: EcnyBaseClient,
  parameters: UpdateCorporateSubWalletCapsParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<UpdateCorporateSubWalletCapsReturnType> {
  const { walletId, subWalletId, ...body } = parseInput(updateCapsParameters, parameters)
  return client.request({
    ...fromOperation(corporateWalletOperations.updateCorporateSubWalletCaps, { id: walletId, subWalletId }),
    body,
    ...options,
  })
}
