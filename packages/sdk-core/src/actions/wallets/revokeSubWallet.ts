import type { SubWallet } from '@ecny/protocol'
import { operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { ConflictError, NotFoundError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { gatewayId } from '../inputs.js'

const revokeSubWalletParameters = z.object({ subWalletId: gatewayId('subWalletId') })

export type RevokeSubWalletParameters = z.input<typeof revokeSubWalletParameters>
export type RevokeSubWalletReturnType = SubWallet
/** What revokeSubWallet can throw: see each code in docs/errors.md. */
export type RevokeSubWalletErrorType = NotFoundError | ConflictError | RequestErrorType

/**
 * Revokes a sub-wallet: the merchant can no longer charge it (its charges fail with
 * `sub_wallet_revoked`). Revoking an already revoked sub-wallet is refused by the gateway.
 *
 * @example
 * const revoked = await revokeSubWallet(client, { subWalletId: sub.id })
 * revoked.status // 'revoked'
 */
export async function revokeSubWallet(
  client: EcnyBaseClient,
  parameters: RevokeSubWalletParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<RevokeSubWalletReturnType> {
  const { subWalletId } = parseInput(revokeSubWalletParameters, parameters)
  return client.request({
    ...fromOperation(operations.revokeSubWallet, { id: subWalletId }),
    ...options,
  })
}
