import { requiredDocumentTypes } from '@ecny/protocol'
import { computeUsccCheckChar, isValidUscc, residentIdBirthDateProblem } from '@ecny/sdk-core/internal'
import type { Engine } from '../engine/createEngine.js'
import type { MerchantRecord } from '../state/merchantStore.js'

export type Rejection = { field: string; reason: string }

const documentTypeNames: Record<string, string> = {
  business_licence: 'business licence',
  legal_rep_id: "legal representative's ID",
  account_proof: 'settlement account proof',
}

/** What is wrong with the settlement wallet of an application, or `null`. */
function settlementProblem(engine: Engine, record: MerchantRecord): string | null {
  if (record.settlementWalletId === null) return 'a corporate settlement wallet is required'
  let wallet: ReturnType<Engine['getWallet']>
  try {
    wallet = engine.getWallet(record.settlementWalletId)
  } catch {
    return 'no wallet has this id'
  }
  const holder = wallet.holder as { name?: string; uscc?: string }
  if (wallet.type !== 'WT09') return 'the settlement wallet must be a corporate (WT09) wallet'
  if (wallet.status !== 'active') return `the settlement wallet is ${wallet.status}`
  if (holder.name !== record.legalName)
    return `settlement account name "${holder.name ?? ''}" is not the licence name "${record.legalName}"`
  if (holder.uscc !== undefined && holder.uscc !== record.uscc)
    return 'the settlement wallet belongs to another entity (USCC differs)'
  return null
}

/** The review of an application: every problem found becomes a field-level rejection (none: approved). */
export function reviewApplication(engine: Engine, record: MerchantRecord, now: number): Rejection[] {
  const rejections: Rejection[] = []
  if (!isValidUscc(record.uscc)) {
    rejections.push({
      field: 'uscc',
      reason: `USCC check character is ${record.uscc[17]} but should be ${computeUsccCheckChar(record.uscc.slice(0, 17))} (GB 32100-2015), and the registry has no such code`,
    })
  }
  const rep = record.legalRepresentative
  if (rep.idType === 'IT01') {
    if (!/^\d{17}[\dX]$/.test(rep.idNumber)) {
      rejections.push({
        field: 'legalRepresentative.idNumber',
        reason: 'resident ID number must be 17 digits and a check character',
      })
    } else {
      const problem = residentIdBirthDateProblem(rep.idNumber, new Date(now))
      if (problem)
        rejections.push({ field: 'legalRepresentative.idNumber', reason: `resident ID number ${problem}` })
    }
  }
  for (const type of requiredDocumentTypes) {
    if (!record.documents.some((document) => document.type === type)) {
      rejections.push({
        field: `documents.${type}`,
        reason: `required document missing: ${documentTypeNames[type]}`,
      })
    }
  }
  const settlement = settlementProblem(engine, record)
  if (settlement) rejections.push({ field: 'settlementWalletId', reason: settlement })
  return rejections
}
