import type { Wallet } from '@ecny/protocol'
import { operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { ConflictError, NotFoundError, ResultUnknownError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { levelSchema, walletIdSchema } from '../inputs.js'
import { identityShape, requireSameName } from './identityInput.js'

const upgradeWalletParameters = z
  .object({ walletId: walletIdSchema, level: levelSchema, ...identityShape })
  .check(z.superRefine((input, ctx) => requireSameName(input, ctx)))

/**
 * The level to raise the wallet to and the identity it adds. Only what the wallet does not already
 * carry is needed: WL04 → WL03 adds `name` + `idNumber`; WL03 → WL02 adds `bankCard`; → WL01 adds
 * `counterVerification`.
 */
export type UpgradeWalletParameters = z.input<typeof upgradeWalletParameters>
export type UpgradeWalletReturnType = Wallet
/** What upgradeWallet can throw: see each code in docs/errors.md. */
export type UpgradeWalletErrorType = NotFoundError | ConflictError | ResultUnknownError | RequestErrorType

/**
 * Raises a personal wallet to a stronger level (WL04 → WL03 → WL02 → WL01), which raises its caps.
 * Fields you pass are checked locally first (a malformed ID number is `invalid_request`, nothing
 * sent); what the new level still lacks is the gateway's `identity_required`, whose `details.missing`
 * names the fields.
 *
 * @example
 * const upgraded = await upgradeWallet(client, {
 *   walletId, level: 'WL03', name: '张三', idNumber: '11010519491231002X',
 * })
 * upgraded.level // 'WL03'
 */
export async function upgradeWallet(
  client: EcnyBaseClient,
  parameters: UpgradeWalletParameters,
  options: CallOptions = {},
): Promise<UpgradeWalletReturnType> {
  const { walletId, ...body } = parseInput(upgradeWalletParameters, parameters)
  return client.request({
    ...fromOperation(operations.upgradeWallet, { id: walletId }),
    body,
    ...options,
  })
}
