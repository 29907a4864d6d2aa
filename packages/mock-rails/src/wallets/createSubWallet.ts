import { createSubWalletRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import type { EngineContext } from '../engine/engineContext.js'
import { nextWalletId } from '../engine/engineContext.js'
import { requireApprovedMerchant } from '../engine/merchantGuards.js'
import { subWalletToWire } from '../engine/toWire.js'
import { createUsage } from '../engine/usage.js'
import { requireActiveWallet } from '../engine/walletGuards.js'
import { walletAccount } from '../ledger/ledger.js'
import type { SubWalletRecord } from '../state/records.js'
import { parseParams } from '../support/parseParams.js'
import { RailsError } from '../support/railsError.js'

export type CreateSubWalletParameters = z.input<typeof createSubWalletRequest>

/**
 * Pushes a sub-wallet (WT02) from a personal wallet to a merchant, with its own single and daily caps.
 * It holds no money: each password-free charge draws from the parent at payment time, within both
 * the sub-wallet's caps and the parent's.
 */
export function createSubWallet(
  ctx: EngineContext,
  parentWalletId: string,
  input: CreateSubWalletParameters,
) {
  const params = parseParams(createSubWalletRequest, input)
  const parent = requireActiveWallet(ctx, parentWalletId)
  if (parent.type !== 'WT01') {
    throw new RailsError('invalid_request', 'Only personal (WT01) wallets can push sub-wallets.', {
      issues: [{ path: 'walletId', message: 'not a personal wallet' }],
    })
  }
  requireApprovedMerchant(ctx, params.merchantId)
  const now = ctx.clock.now()
  const sub: SubWalletRecord = {
    id: nextWalletId(ctx, 'sub_wallet'),
    parentWalletId,
    merchantId: params.merchantId,
    status: 'active',
    caps: { single: params.caps.single, daily: params.caps.daily },
    usage: createUsage(now),
    createdAt: now,
    revokedAt: null,
  }
  ctx.state.subWallets.set(sub.id, sub)
  ctx.ledger.openAccount(walletAccount(sub.id), 'wallet')
  return subWalletToWire(sub)
}
