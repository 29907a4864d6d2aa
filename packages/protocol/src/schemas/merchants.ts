import * as z from 'zod/mini'
import { fen, timestamp, tolerantEnum } from './common.js'

export const merchantStatuses = ['draft', 'submitted', 'approved', 'rejected'] as const
export const documentTypes = [
  'business_licence',
  'legal_rep_id',
  'account_proof',
  'site_photo_street',
  'site_photo_storefront',
  'site_photo_till',
  'site_photo_interior',
  'lease',
] as const
export type DocumentType = (typeof documentTypes)[number]

export const merchant = z.looseObject({
  id: z.string(),
  status: tolerantEnum(merchantStatuses),
  legalName: z.string(),
  uscc: z.string(),
  mcc: z.string(),
  legalRepresentative: z.looseObject({ name: z.string(), idType: z.string(), idNumber: z.string() }),
  contactMobile: z.string(),
  settlementWalletId: z.optional(z.nullable(z.string())),
  documents: z.array(
    z.looseObject({
      id: z.string(),
      type: tolerantEnum(documentTypes),
      sha256: z.string(),
      size: z.number(),
    }),
  ),
  /** Field-level reasons when the review rejected the application. */
  rejections: z.array(z.looseObject({ field: z.string(), reason: z.string() })),
  notifyUrl: z.optional(z.nullable(z.string())),
  createdAt: timestamp,
  reviewedAt: z.optional(z.nullable(timestamp)),
})
export type Merchant = z.infer<typeof merchant>

export const sceneKinds = ['retail', 'transit', 'government', 'utility'] as const
export const scene = z.looseObject({
  id: z.string(),
  merchantId: z.string(),
  kind: tolerantEnum(sceneKinds),
  name: z.string(),
  areaCode: z.string(),
  /** Kind-specific settings: store address, transit lines and stations, agency and bill types. */
  settings: z.record(z.string(), z.unknown()),
  createdAt: timestamp,
})
export type Scene = z.infer<typeof scene>

/** A registered application document: its digest and size (the bytes are not sent back). */
export const merchantDocument = z.looseObject({
  id: z.string(),
  type: tolerantEnum(documentTypes),
  sha256: z.string(),
  size: z.number().check(z.int()),
})

export const terminalDeviceTypes = ['04', '09', '10', '11'] as const
export const terminal = z.looseObject({
  id: z.string(),
  sceneId: z.string(),
  deviceType: tolerantEnum(terminalDeviceTypes),
  deviceId: z.string(),
  createdAt: timestamp,
})
export type Terminal = z.infer<typeof terminal>

export const qrCode = z.looseObject({
  id: z.string(),
  sceneId: z.string(),
  kind: tolerantEnum(['static', 'dynamic']),
  payload: z.string(),
  amount: z.optional(z.nullable(fen)),
  /** The `qr` order behind a dynamic code (null for a static one). */
  orderId: z.optional(z.nullable(z.string())),
  createdAt: timestamp,
})
export type QrCode = z.infer<typeof qrCode>

export const govBill = z.looseObject({
  id: z.string(),
  sceneId: z.string(),
  agency: z.string(),
  billNo: z.string(),
  billType: z.string(),
  payerName: z.string(),
  amount: fen,
  dueDate: z.string(),
  status: tolerantEnum(['unpaid', 'paid', 'overdue', 'canceled']),
  orderId: z.optional(z.nullable(z.string())),
  qrPayload: z.optional(z.nullable(z.string())),
  receipt: z.optional(
    z.nullable(
      z.looseObject({ receiptNo: z.string(), paidAt: timestamp, amount: fen, payerWalletId: z.string() }),
    ),
  ),
  createdAt: timestamp,
})
export type GovBill = z.infer<typeof govBill>

export const tapResult = z.looseObject({
  walletId: z.string(),
  counter: z.number(),
  status: tolerantEnum(['debited', 'duplicate', 'failed']),
  orderId: z.optional(z.nullable(z.string())),
  failureCode: z.optional(z.nullable(z.string())),
})
export const tapBatch = z.looseObject({
  id: z.string(),
  sceneId: z.string(),
  results: z.array(tapResult),
  totals: z.looseObject({
    debited: fen,
    debitedCount: z.number(),
    duplicates: z.number(),
    failed: z.number(),
  }),
  createdAt: timestamp,
})
export type TapBatch = z.infer<typeof tapBatch>
