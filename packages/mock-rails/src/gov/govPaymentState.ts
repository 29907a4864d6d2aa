/**
 * What the rails remember of bills registered for payment by 缴款码: plain records in `Map`s hung on
 * the rails state, so `snapshot()` / `restore()` and the sandbox's state file carry them. Times are
 * epoch ms by the rails clock, dates `YYYY-MM-DD` in Asia/Shanghai, amounts integer fen.
 */
import type { RailsState } from '../state/railsState.js'

export type GovLateFeeRule = { dailyRatePerTenThousand: number; cap?: 'principal' | number | undefined }

export type GovBillItemRecord = { code: string; name: string; amount: number }

/** One payment of a bill, with the e-bill issued for it. */
export type GovPaymentRecord = {
  orderId: string
  walletId: string
  amount: number
  principal: number
  lateFee: number
  paidAt: number
  /** The bill's items this payment covered (principal part, in order), then the late fee. */
  items: GovBillItemRecord[]
  ebill: { billCode: string; number: string; checkCode: string; issuedAt: number }
}

export type GovPaymentBillRecord = {
  id: string
  sceneId: string
  merchantId: string
  areaCode: string
  paymentCode: string
  agencyCode: string
  agencyName: string
  kind: 'non_tax' | 'tax'
  billType: string
  billNo: string | null
  payerName: string
  taxpayerId: string | null
  taxPeriod: string | null
  items: GovBillItemRecord[]
  amount: number
  dueDate: string
  payableUntil: string
  lateFee: GovLateFeeRule | null
  partial: { minAmount: number } | null
  payments: GovPaymentRecord[]
  /** QR orders not yet settled into a payment (open, or paid and not yet seen). */
  pendingOrderIds: string[]
  createdAt: number
}

export type GovPaymentState = {
  govPaymentBills: Map<string, GovPaymentBillRecord>
  /** 缴款码 → bill id. */
  govPaymentBillByCode: Map<string, string>
  /** `sceneId␟billNo` → bill id. */
  govPaymentBillByNo: Map<string, string>
  /** `billCode␟number` → bill id (the e-bill's payment is found in the bill). */
  govEBills: Map<string, string>
}

const keys: Array<keyof GovPaymentState> = [
  'govPaymentBills',
  'govPaymentBillByCode',
  'govPaymentBillByNo',
  'govEBills',
]

/** Adds the 缴款码 bill maps to the rails state (once) and returns them. */
export function govPaymentStateOf(state: RailsState): GovPaymentState {
  const holder = state as unknown as Record<string, unknown>
  for (const key of keys) if (!(holder[key] instanceof Map)) holder[key] = new Map()
  return holder as unknown as GovPaymentState
}
