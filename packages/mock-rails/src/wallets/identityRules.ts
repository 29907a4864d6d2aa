import { isValidBankCard, isValidMobile, isValidResidentId, normalizeMobile } from '@ecny/sdk-core/internal'
import { assertUsccCheck } from '../merchants/assertUsccCheck.js'
import type { WalletLevel } from '../state/records.js'
import { RailsError } from '../support/railsError.js'
import { shanghaiDate } from '../support/shanghaiTime.js'

/** Identity a personal wallet may carry; which parts are required depends on the level. */
export type PersonalIdentity = {
  mobile?: string | undefined
  name?: string | undefined
  idNumber?: string | undefined
  bankCard?: { number: string; holderName: string } | undefined
  counterVerification?: { branchId: string } | undefined
}

/**
 * What each level needs, cumulatively (DOMAIN.md §2): WL04 a mobile number; WL03 adds real name and
 * resident ID number; WL02 adds a linked bank card in the same name; WL01 adds verification at a bank
 * counter.
 */
export const identityByLevel: Record<WalletLevel, ReadonlyArray<keyof PersonalIdentity>> = {
  WL04: ['mobile'],
  WL03: ['mobile', 'name', 'idNumber'],
  WL02: ['mobile', 'name', 'idNumber', 'bankCard'],
  WL01: ['mobile', 'name', 'idNumber', 'bankCard', 'counterVerification'],
}

/** Real-name wallets are for holders 16 or older. */
export const minimumHolderAge = 16

/** Foreign numbers are accepted for WL04 (DOMAIN.md §2), in E.164 form. */
const internationalMobile = /^\+[1-9]\d{6,14}$/

/**
 * A mainland mobile (`isValidMobile`, also written `+86…`/`0086…`) or, since WL04 accepts them, a
 * foreign number in E.164 form. A `+86` number that is not a mainland mobile is refused.
 */
export function isAcceptedMobile(mobile: string): boolean {
  const national = normalizeMobile(mobile)
  if (/^(?:\+|00)86/.test(national)) return false
  return isValidMobile(national) || internationalMobile.test(national)
}

function invalid(path: string, message: string): RailsError {
  return new RailsError('invalid_request', `Invalid request: ${path}: ${message}.`, {
    issues: [{ path, message }],
  })
}

/** Age in whole years on the Shanghai calendar date of `now`. */
export function ageOn(idNumber: string, now: number): number {
  const today = shanghaiDate(now)
  const birthYear = Number(idNumber.slice(6, 10))
  const birthMonthDay = `${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`
  const years = Number(today.slice(0, 4)) - birthYear
  return today.slice(5) >= birthMonthDay ? years : years - 1
}

/**
 * Throws `identity_required` naming every missing field for the level, or `invalid_request` for a
 * field that is present but wrong (bad check digit, under 16, a card in another name).
 */
export function assertIdentityFor(level: WalletLevel, identity: PersonalIdentity, now: number): void {
  const missing = identityByLevel[level].filter((field) => identity[field] === undefined)
  if (missing.length > 0) {
    throw new RailsError(
      'identity_required',
      `A ${level} wallet needs ${missing.join(', ')}. Add ${missing.length > 1 ? 'them' : 'it'} to the request, or choose a lower level.`,
      { level, missing },
    )
  }
  if (identity.mobile !== undefined && !isAcceptedMobile(identity.mobile)) {
    throw invalid('mobile', 'expected an 11-digit mainland number (1[3-9]…) or an E.164 number (+…)')
  }
  if (identity.idNumber !== undefined) {
    if (!isValidResidentId(identity.idNumber, { today: new Date(now) })) {
      throw invalid(
        'idNumber',
        'not a valid resident ID number (check the birth date and the check character)',
      )
    }
    if (ageOn(identity.idNumber, now) < minimumHolderAge) {
      throw invalid('idNumber', `real-name wallets are for holders ${minimumHolderAge} or older`)
    }
  }
  if (identity.bankCard !== undefined) {
    if (!isValidBankCard(identity.bankCard.number)) {
      throw invalid('bankCard.number', 'not a valid bank card number (Luhn check failed)')
    }
    if (identity.name !== undefined && identity.bankCard.holderName !== identity.name) {
      throw invalid('bankCard.holderName', 'the linked card must be in the wallet holder’s own name')
    }
  }
}

export type CorporateIdentity = {
  entity?: { legalName: string; uscc: string } | undefined
  settlementAccount?: { accountNo: string; accountName: string } | undefined
  /** Accept a registered USCC whose check character fails (as merchant applications do). */
  allowInvalidUsccCheck?: boolean | undefined
}

/** A corporate (WT09) wallet needs the entity and a settlement account in the entity's name. */
export function assertCorporateIdentity(
  identity: CorporateIdentity,
): asserts identity is Required<CorporateIdentity> {
  const missing = (['entity', 'settlementAccount'] as const).filter((field) => identity[field] === undefined)
  if (missing.length > 0) {
    throw new RailsError(
      'identity_required',
      `A corporate (WT09) wallet needs ${missing.join(' and ')}. Add ${missing.length > 1 ? 'them' : 'it'} to the request.`,
      { type: 'WT09', missing },
    )
  }
  assertUsccCheck(identity.entity!.uscc, identity.allowInvalidUsccCheck === true, 'entity.uscc')
  if (identity.settlementAccount!.accountName !== identity.entity!.legalName) {
    throw invalid(
      'settlementAccount.accountName',
      'must equal entity.legalName exactly (as on the business licence)',
    )
  }
}
