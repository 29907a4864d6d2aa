import { createTransferRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import type { EngineContext } from '../engine/engineContext.js'
import { nextId } from '../engine/engineContext.js'
import { moveMoney } from '../engine/moveMoney.js'
import { transferToWire } from '../engine/toWire.js'
import { recordUsage } from '../engine/usage.js'
import {
  assertCreditWithinCap,
  assertDebitWithinCaps,
  assertFunds,
  requireActiveWallet,
} from '../engine/walletGuards.js'
import type { TransferRecord } from '../state/records.js'
import { parseParams } from '../support/parseParams.js'
import { RailsError } from '../support/railsError.js'
import { assertPaymentPassword } from '../wallets/paymentPassword.js'

export type CreateTransferParameters = z.input<typeof createTransferRequest>

/**
 * Moves money between two wallets: the sender's single/daily/annual caps and funds, the receiver's
 * balance cap. With a `campaignId`, the campaign hooks decide a reward after the money moved; the
 * transfer carries their answer in `reward` (`null` without a campaign).
 */
export function createTransfer(ctx: EngineContext, input: CreateTransferParameters) {
  const params = parseParams(createTransferRequest, input)
  if (params.fromWalletId === params.toWalletId) {
    throw new RailsError('invalid_request', 'Invalid request: toWalletId: must differ from fromWalletId.', {
      issues: [{ path: 'toWalletId', message: 'must differ from fromWalletId' }],
    })
  }
  const from = requireActiveWallet(ctx, params.fromWalletId)
  const to = requireActiveWallet(ctx, params.toWalletId)
  assertPaymentPassword(from, params.password, params.amount, ctx.paymentPassword, ctx.clock.now())
  assertDebitWithinCaps(ctx, from, params.amount)
  assertFunds(ctx, from.id, params.amount)
  assertCreditWithinCap(ctx, to, params.amount)
  const now = ctx.clock.now()
  const transfer: TransferRecord = {
    id: nextId(ctx, 'trf'),
    fromWalletId: from.id,
    toWalletId: to.id,
    amount: params.amount,
    memo: params.memo ?? null,
    campaignId: params.campaignId ?? null,
    reward: null,
    createdAt: now,
  }
  moveMoney(ctx, 'transfer', transfer.id, [
    { walletId: from.id, amount: -params.amount, kind: 'transfer_out' },
    { walletId: to.id, amount: params.amount, kind: 'transfer_in' },
  ])
  recordUsage(from.usage, params.amount, now)
  ctx.state.transfers.set(transfer.id, transfer)
  for (const walletId of [from.id, to.id]) {
    const ids = ctx.state.transfersByWallet.get(walletId)
    if (ids) ids.push(transfer.id)
    else ctx.state.transfersByWallet.set(walletId, [transfer.id])
  }
  if (params.campaignId !== undefined) {
    transfer.reward = ctx.campaigns.onTransfer({
      campaignId: params.campaignId,
      transfer,
      ledger: ctx.ledger,
      now,
    })
  }
  return transferToWire(transfer)
}
