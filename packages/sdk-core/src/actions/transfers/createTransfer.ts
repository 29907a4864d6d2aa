import type { Transfer } from '@ecny/protocol'
import { operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type {
  ConflictError,
  InsufficientFundsError,
  LimitExceededError,
  ResultUnknownError,
} from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { assertWithinLimits } from '../../limits/assertWithinLimits.js'
import { precheckShape } from '../../limits/precheckOptions.js'
import { positiveFenSchema } from '../../money/schemas.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { gatewayId, paymentPasswordSchema, walletIdSchema } from '../inputs.js'

const createTransferParameters = z
  .object({
    fromWalletId: walletIdSchema,
    toWalletId: walletIdSchema,
    /** Fen to send. */
    amount: positiveFenSchema,
    /** A note the recipient sees: at most 64 characters. */
    memo: z.optional(z.string().check(z.maxLength(64, { error: 'memo must be at most 64 characters' }))),
    /** A transfer-reward campaign (转账有礼) this transfer takes part in. */
    campaignId: z.optional(gatewayId('campaignId')),
    /** The sender's 6-digit payment password; without it the transfer is password-free (小额免密). */
    password: paymentPasswordSchema,
    ...precheckShape,
  })
  .check(
    z.refine((input) => input.fromWalletId !== input.toWalletId, {
      path: ['toWalletId'],
      error: 'must differ from fromWalletId',
    }),
  )

export type CreateTransferParameters = z.input<typeof createTransferParameters>
export type CreateTransferReturnType = Transfer
/** What createTransfer can throw: see each code in docs/errors.md. */
export type CreateTransferErrorType =
  | ConflictError
  | LimitExceededError
  | InsufficientFundsError
  | ResultUnknownError
  | RequestErrorType

/**
 * Sends money from one wallet to another. With a `campaignId`, the transfer takes part in a
 * transfer-reward campaign: `reward.granted` says whether it earned a reward (`amount` in fen or
 * `points`), and `reward.reason` why not (e.g. `claim_cap_reached`, `budget_exhausted`).
 *
 * The sender's caps and balance are pre-checked first (`limit_exceeded` / `insufficient_funds`,
 * nothing sent) unless `precheck: false`; the recipient's balance cap is the gateway's to enforce.
 * Retries reuse one idempotency key, so a transfer is never sent twice.
 *
 * @example
 * const sent = await createTransfer(client, {
 *   fromWalletId, toWalletId, amount: parseYuan('88.00'), memo: '红包', campaignId: 'cmp_transfer_reward',
 * })
 * if (sent.reward?.granted) toast(`You earned ${sent.reward.points ?? 0} points`)
 */
export async function createTransfer(
  client: EcnyBaseClient,
  parameters: CreateTransferParameters,
  options: CallOptions = {},
): Promise<CreateTransferReturnType> {
  const { precheck, limitDefaults, ...body } = parseInput(createTransferParameters, parameters)
  if (precheck !== false) {
    await assertWithinLimits(
      client,
      { walletId: body.fromWalletId, amount: body.amount, kind: 'transfer', limitDefaults },
      options,
    )
  }
  return client.request({ ...fromOperation(operations.createTransfer), body, ...options })
}
