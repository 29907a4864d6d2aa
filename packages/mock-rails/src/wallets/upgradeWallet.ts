import { upgradeWalletRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import type { EngineContext } from '../engine/engineContext.js'
import { walletToWire } from '../engine/toWire.js'
import { requireActiveWallet } from '../engine/walletGuards.js'
import type { WalletLevel, WalletRecord } from '../state/records.js'
import { parseParams } from '../support/parseParams.js'
import { RailsError } from '../support/railsError.js'
import { assertIdentityFree, claimIdentity, identityKeyOf, releaseIdentity } from './identityIndex.js'
import { assertIdentityFor, type PersonalIdentity } from './identityRules.js'

export type UpgradeWalletParameters = z.input<typeof upgradeWalletRequest>

const rank: Record<WalletLevel, number> = { WL04: 4, WL03: 3, WL02: 2, WL01: 1 }

/**
 * Raises a personal wallet to a stronger level (WL04 → WL03 → WL02 → WL01), adding the identity the
 * new level needs on top of what the wallet already carries. Identity already on the wallet cannot
 * be changed this way.
 */
export function upgradeWallet(
  ctx: EngineContext,
  walletId: string,
  input: UpgradeWalletParameters,
): ReturnType<typeof walletToWire> {
  const params = parseParams(upgradeWalletRequest, input)
  const wallet = requireActiveWallet(ctx, walletId)
  if (wallet.type !== 'WT01') {
    throw new RailsError('invalid_request', notUpgradable(wallet), {
      issues: [{ path: 'level', message: 'not a personal wallet' }],
    })
  }
  if (rank[params.level] >= rank[wallet.level]) {
    throw new RailsError(
      'invalid_request',
      `Invalid request: level: the wallet is ${wallet.level}; an upgrade must go to a stronger level (${wallet.level} → WL0${rank[wallet.level] - 1 || 1}).`,
      { issues: [{ path: 'level', message: `must be stronger than ${wallet.level}` }] },
    )
  }
  const conflicting = (['name', 'idNumber'] as const).find(
    (field) =>
      params[field] !== undefined && wallet.holder[field] !== null && wallet.holder[field] !== params[field],
  )
  if (conflicting) {
    throw new RailsError(
      'invalid_request',
      `Invalid request: ${conflicting}: differs from what the wallet already carries; identity cannot be changed by an upgrade.`,
      { issues: [{ path: conflicting, message: 'differs from the wallet’s identity' }] },
    )
  }
  const identity: PersonalIdentity = {
    mobile: wallet.holder.mobile ?? undefined,
    name: params.name ?? wallet.holder.name ?? undefined,
    idNumber: params.idNumber?.toUpperCase() ?? wallet.holder.idNumber ?? undefined,
    bankCard:
      params.bankCard ??
      (wallet.linkedBankCard && wallet.holder.name
        ? { number: wallet.linkedBankCard, holderName: wallet.holder.name }
        : undefined),
    counterVerification:
      params.counterVerification ?? (wallet.branchId ? { branchId: wallet.branchId } : undefined),
  }
  assertIdentityFor(params.level, identity, ctx.clock.now())
  const newKey = `${params.level}\u241f${identity.idNumber}`
  assertIdentityFree(ctx, newKey, `This person already holds an open ${params.level} wallet.`)
  releaseIdentity(ctx, wallet)
  wallet.level = params.level
  wallet.holder.name = identity.name ?? null
  wallet.holder.idNumber = identity.idNumber ?? null
  if (params.level === 'WL02' || params.level === 'WL01') wallet.linkedBankCard = identity.bankCard!.number
  if (params.level === 'WL01') wallet.branchId = identity.counterVerification!.branchId
  const key = identityKeyOf(wallet)
  if (key) claimIdentity(ctx, key, wallet.id)
  return walletToWire(wallet)
}

/** Why a wallet that is not personal has no level to upgrade, and what changes its caps instead. */
function notUpgradable(wallet: WalletRecord): string {
  if (wallet.type === 'WT10')
    return (
      "Only personal (WT01) wallets have levels to upgrade. A corporate sub-wallet's caps are set by its " +
      'company: change them with PATCH /v1/wallets/{parentWalletId}/corporate-sub-wallets/{walletId} ' +
      '(updateCorporateSubWalletCaps()).'
    )
  if (wallet.type === 'WT09')
    return 'Only personal (WT01) wallets have levels to upgrade; a corporate (WT09) wallet has no level caps.'
  return 'Only personal (WT01) wallets have levels to upgrade.'
}
