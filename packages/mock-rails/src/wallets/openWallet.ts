import { openWalletRequest } from '@ecny/protocol'
import { normalizeMobile } from '@ecny/sdk-core/internal'
import type * as z from 'zod/mini'
import type { EngineContext } from '../engine/engineContext.js'
import { nextWalletId } from '../engine/engineContext.js'
import { walletToWire } from '../engine/toWire.js'
import { createUsage } from '../engine/usage.js'
import { walletAccount } from '../ledger/ledger.js'
import type { WalletRecord } from '../state/records.js'
import { parseParams } from '../support/parseParams.js'
import { assertIdentityFree, claimIdentity } from './identityIndex.js'
import { assertCorporateIdentity, assertIdentityFor } from './identityRules.js'

export type OpenWalletParameters = z.input<typeof openWalletRequest>

/**
 * Opens a personal (WT01) wallet at a level, with the identity that level needs, or a corporate
 * (WT09) wallet for an entity with a settlement account in its name. One personal wallet per level
 * per ID number, one corporate wallet per USCC (`wallet_exists`).
 */
export function openWallet(ctx: EngineContext, input: OpenWalletParameters): ReturnType<typeof walletToWire> {
  const params = parseParams(openWalletRequest, input)
  const now = ctx.clock.now()
  let wallet: WalletRecord
  const id = () => nextWalletId(ctx, 'wallet')
  const tags = params.tags ?? []
  if (params.type === 'WT09') {
    assertCorporateIdentity(params)
    const key = `WT09\u241f${params.entity.uscc}`
    assertIdentityFree(ctx, key, 'A corporate wallet for this USCC already exists.')
    wallet = {
      id: id(),
      type: 'WT09',
      level: 'WL01',
      status: 'active',
      holder: { name: params.entity.legalName, mobile: null, idNumber: null, uscc: params.entity.uscc },
      linkedBankCard: params.settlementAccount.accountNo,
      branchId: null,
      tags,
      usage: createUsage(now),
      createdAt: now,
      closedAt: null,
    }
    claimIdentity(ctx, key, wallet.id)
  } else {
    const level = params.level ?? 'WL04'
    assertIdentityFor(level, params, now)
    const key =
      params.idNumber !== undefined && level !== 'WL04'
        ? `${level}\u241f${params.idNumber.toUpperCase()}`
        : null
    if (key) assertIdentityFree(ctx, key, `This person already holds an open ${level} wallet.`)
    wallet = {
      id: id(),
      type: 'WT01',
      level,
      status: 'active',
      holder: {
        name: level === 'WL04' ? null : (params.name ?? null),
        mobile: params.mobile === undefined ? null : normalizeMobile(params.mobile),
        idNumber: level === 'WL04' ? null : (params.idNumber?.toUpperCase() ?? null),
        uscc: null,
      },
      linkedBankCard: level === 'WL02' || level === 'WL01' ? params.bankCard!.number : null,
      branchId: level === 'WL01' ? params.counterVerification!.branchId : null,
      tags,
      usage: createUsage(now),
      createdAt: now,
      closedAt: null,
      paymentPassword: {
        password: params.paymentPassword ?? ctx.paymentPassword.sandboxDefault,
        failures: 0,
        frozenUntil: null,
      },
    }
    if (key) claimIdentity(ctx, key, wallet.id)
  }
  ctx.state.wallets.set(wallet.id, wallet)
  ctx.ledger.openAccount(walletAccount(wallet.id), 'wallet')
  return walletToWire(wallet)
}
