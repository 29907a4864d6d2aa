/**
 * Request bodies of the merchant operations (onboarding, scenes, terminals, QR codes, government
 * bills, transit batches).
 */
import * as z from 'zod/mini'
import { limits } from '../constants/limits.js'
import { documentTypes, terminalDeviceTypes } from '../schemas/merchants.js'
import {
  amount,
  expirySeconds,
  gatewayId,
  goodsName,
  merchantNumber,
  notifyUrl,
  text,
  walletIdDigits,
} from './fields.js'
import { fareTable, rideCodeRules } from './transit.js'

const code = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,32}$/, 'expected 1–32 letters, digits, _ or -'))

/** Largest document: 700 KiB, so its base64 fits the 1 MiB body limit. */
export const maxDocumentBytes = limits.maxDocumentBytes
export const documentContentTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const
/** Documents a review requires. */
export const requiredDocumentTypes = ['business_licence', 'legal_rep_id', 'account_proof'] as const

export const idTypes = [
  'IT01',
  'IT02',
  'IT03',
  'IT04',
  'IT05',
  'IT06',
  'IT07',
  'IT08',
  'IT09',
  'IT10',
  'IT11',
  'IT12',
  'IT13',
  'IT14',
  'IT99',
] as const

const applicationFields = {
  legalName: text(limits.longTextLength),
  /** Shape only here; the check character is checked at creation (unless overridden) and in review. */
  uscc: z
    .string()
    .check(z.regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'expected an 18-character USCC')),
  allowInvalidUsccCheck: z.optional(z.boolean()),
  mcc: z.string().check(z.regex(/^\d{4}$/, 'expected a 4-digit MCC')),
  legalRepresentative: z.object({
    name: text(limits.nameLength),
    idType: z.enum(idTypes),
    idNumber: text(32),
  }),
  contactMobile: z
    .string()
    .check(z.regex(/^(?:\+86|0086)?1[3-9]\d{9}$/, 'expected a mainland mobile number (+86 optional)')),
  settlementWalletId: walletIdDigits,
  notifyUrl: z.optional(notifyUrl),
}

export const createMerchantRequest = z.object(applicationFields)
export const updateMerchantRequest = z.partial(z.object(applicationFields))

export const uploadDocumentRequest = z.object({
  type: z.enum(documentTypes),
  contentType: z.enum(documentContentTypes),
  size: z.number().check(z.int(), z.minimum(1), z.maximum(maxDocumentBytes)),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits')),
  /** The file, base64. Optional: without it only the digest is registered. */
  content: z.optional(z.string().check(z.maxLength(Math.ceil(maxDocumentBytes / 3) * 4))),
})

export const createSceneRequest = z.object({
  kind: z.enum(['retail', 'transit', 'government', 'utility']),
  name: text(limits.nameLength),
  areaCode: z.string().check(z.regex(/^\d{6}$/, 'expected a 6-digit GB/T 2260 area code')),
  settings: z.record(z.string(), z.unknown()),
})

export const retailSettings = z.object({ store: z.object({ address: text(limits.longTextLength) }) })
export const transitSettings = z.object({
  lines: z.array(z.object({ id: code, name: text(limits.nameLength) })).check(z.minLength(1)),
  stations: z.array(z.object({ id: code, name: text(limits.nameLength), lineIds: z.array(code) })),
  gates: z.array(z.object({ id: code, stationId: code })),
  offlineTaps: z.optional(
    z.object({
      enabled: z.boolean(),
      maxAmount: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(limits.maxOfflineTapFen))),
    }),
  ),
  /** Fare tables, one per line (distance or zone based, each with a maximum fare). */
  fares: z.optional(z.array(fareTable)),
  /** What the operator does with a missing entry or exit scan; defaults in `transitDefaults`. */
  rideCodes: z.optional(rideCodeRules),
})
export const governmentSettings = z.object({
  agency: text(limits.longTextLength),
  billTypes: z.array(code).check(z.minLength(1)),
})
export const utilitySettings = z.object({
  utilityTypes: z.array(z.enum(['water', 'electricity', 'gas', 'heating', 'telecom'])).check(z.minLength(1)),
})

export const createTerminalRequest = z.object({
  deviceType: z.enum(terminalDeviceTypes),
  deviceId: z.string().check(z.regex(/^[0-9A-Za-z]{8}$/, 'expected 8 letters or digits')),
})

export const createQrCodeRequest = z.union([
  z.object({ kind: z.literal('static') }),
  z.object({
    kind: z.literal('dynamic'),
    amount,
    description: goodsName,
    merchantOrderNo: z.optional(merchantNumber),
    expiresInSeconds: z.optional(expirySeconds),
  }),
])

export const createGovBillRequest = z.object({
  sceneId: gatewayId,
  agency: z.optional(text(limits.longTextLength)),
  billNo: merchantNumber,
  billType: text(32),
  payerName: text(limits.longTextLength),
  amount,
  dueDate: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')),
})

export const payGovBillRequest = z.object({
  expiresInSeconds: z.optional(expirySeconds),
})

/** Taps per batch. */
export const maxTapsPerBatch = limits.maxTapsPerBatch

export const tapBatchRequest = z.object({
  sceneId: gatewayId,
  taps: z
    .array(
      z.object({
        walletId: walletIdDigits,
        counter: z.number().check(z.int(), z.minimum(0)),
        amount,
        tappedAt: z.iso.datetime({ offset: true }),
        gateId: code,
      }),
    )
    .check(z.minLength(1), z.maxLength(maxTapsPerBatch)),
})
