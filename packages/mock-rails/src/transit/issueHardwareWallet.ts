import { issueHardwareWalletRequest, transitDefaults } from '@ecny/protocol'
import type * as z from 'zod/mini'
import { nextWalletId } from '../engine/engineContext.js'
import { walletToWire } from '../engine/toWire.js'
import { createUsage } from '../engine/usage.js'
import { requireActiveWallet } from '../engine/walletGuards.js'
import { walletAccount } from '../ledger/ledger.js'
import { invalidField } from '../merchants/invalidField.js'
import type { MerchantContext } from '../merchants/merchantContext.js'
import type { WalletRecord } from '../state/records.js'
import { parseParams } from '../support/parseParams.js'
import { transitStateOf } from './transitState.js'

/**
 * `POST /v1/wallets/{id}/hardware-wallets`: a hardware wallet (WT03: an IC card linked by 贴一贴, a
 * SIM wallet, a wearable; DOMAIN §2, §7) linked to the holder's personal wallet. It has its own
 * balance and the parent's level, holder and caps; its offline counter starts at 0 with the holder's
 * offline cap (`offlineCap`, or the defaults ¥500 a payment and 10 payments; finextra 2023).
 */
export function issueHardwareWallet(
  mc: MerchantContext,
  parentWalletId: string,
  input: z.input<typeof issueHardwareWalletRequest>,
) {
  const params = parseParams(issueHardwareWalletRequest, input)
  const parent = requireActiveWallet(mc.ctx, parentWalletId)
  if (parent.type !== 'WT01')
    throw invalidField(
      'id',
      `wallet ${parent.type} cannot hold a hardware wallet; link it to a personal (WT01) wallet`,
    )
  const now = mc.now()
  const wallet: WalletRecord = {
    ...parent,
    id: nextWalletId(mc.ctx, 'wallet'),
    type: 'WT03',
    status: 'active',
    holder: { ...parent.holder },
    tags: [...parent.tags],
    usage: createUsage(now),
    createdAt: now,
    closedAt: null,
    hardware: { parentWalletId: parent.id, formFactor: params.formFactor },
  }
  mc.ctx.state.wallets.set(wallet.id, wallet)
  mc.ctx.ledger.openAccount(walletAccount(wallet.id), 'wallet')
  const cap = params.offlineCap ?? transitDefaults.offlineCap
  transitStateOf(mc.ctx.state).offlineCaps.set(wallet.id, {
    single: cap.single,
    count: cap.count,
    onlineCounter: 0,
    updatedAt: now,
  })
  return walletToWire(wallet)
}
