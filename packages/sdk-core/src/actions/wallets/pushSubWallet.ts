import type { SubWallet } from '@ecny/protocol'
import { operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type {
  ConflictError,
  InsufficientFundsError,
  LimitExceededError,
  NotFoundError,
  ResultUnknownError,
} from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { positiveFenSchema } from '../../money/schemas.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { gatewayId, walletIdSchema } from '../inputs.js'

const pushSubWalletParameters = z
  .object({
    walletId: walletIdSchema,
    /** The merchant whose app may charge the sub-wallet without a password. */
    merchantId: gatewayId('merchantId'),
    /** Most the merchant may charge per payment and per day, in fen. */
    caps: z.object({ single: positiveFenSchema, daily: positiveFenSchema }),
  })
  .check(
    z.refine((input) => input.caps.single <= input.caps.daily, {
      path: ['caps', 'single'],
      error: 'must not be more than caps.daily',
    }),
  )

export type PushSubWalletParameters = z.input<typeof pushSubWalletParameters>
export type PushSubWalletReturnType = SubWallet
/** What pushSubWallet can throw: see each code in docs/errors.md. */
export type PushSubWalletErrorType =
  | NotFoundError
  | ConflictError
  | LimitExceededError
  | InsufficientFundsError
  | ResultUnknownError
  | RequestErrorType

/**
 * Pushes a sub-wallet (WT02) to a merchant app (e.g. a ride-hailing or transit app), which may then
 * charge it without a password within its own caps. The holder can revoke it at any time.
 *
 * @example
 * const sub = await pushSubWallet(client, {
 *   walletId, merchantId: 'mch_transit', caps: { single: 5_000, daily: 20_000 },
 * })
 */
export async function pushSubWallet(
  client: EcnyBaseClient,
  parameters: PushSubWalletParameters,
  options: CallOptions = {},
): Promise<PushSubWalletReturnType> {
  const { walletId, ...body } = parseInput(pushSubWalletParameters, parameters)
  return client.request({
    ...fromOperation(operations.createSubWallet, { id: walletId }),
    body,
    ...options,
  })
}
