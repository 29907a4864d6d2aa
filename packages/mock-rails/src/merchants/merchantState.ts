/**
 * What the merchant domain remembers beyond the merchant records themselves (those are in the
 * `MerchantStore`). Plain records in `Map`s hung on the rails state, so `rails.snapshot()` /
 * `restore()` (and the sandbox's state file) carry them like everything else. Times are epoch ms
 * by the rails clock, amounts integer fen.
 */
import type { MerchantRecord } from '../state/merchantStore.js'
import type { RailsState } from '../state/railsState.js'

export type SceneKind = 'retail' | 'transit' | 'government' | 'utility'

export type SceneRecord = {
  id: string
  merchantId: string
  kind: SceneKind
  name: string
  areaCode: string
  settings: Record<string, unknown>
  createdAt: number
}

export type TerminalRecord = {
  id: string
  sceneId: string
  deviceType: string
  deviceId: string
  createdAt: number
}

export type QrCodeRecord = {
  id: string
  sceneId: string
  kind: 'static' | 'dynamic'
  payload: string
  amount: number | null
  orderId: string | null
  createdAt: number
}

export type BillRecord = {
  id: string
  sceneId: string
  merchantId: string
  agency: string
  billNo: string
  billType: string
  payerName: string
  amount: number
  dueDate: string
  canceled: boolean
  /** Orders issued to pay it, oldest first (a new one after an earlier one expired unpaid). */
  orderIds: string[]
  createdAt: number
}

export type DocumentRecord = MerchantRecord['documents'][number] & { contentType: string; uploadedAt: number }

export type MerchantDomainState = {
  /** Merchant id → whether its application may keep a USCC whose check character fails. */
  usccOverrides: Map<string, boolean>
  merchantDocuments: Map<string, DocumentRecord>
  scenes: Map<string, SceneRecord>
  terminals: Map<string, TerminalRecord>
  /** `sceneId␟deviceId` → terminal id. */
  terminalByDevice: Map<string, string>
  qrCodes: Map<string, QrCodeRecord>
  govBills: Map<string, BillRecord>
  /** `sceneId␟billNo` → bill id. */
  govBillByNo: Map<string, string>
  /**
   * Wallet id → the offline counters of its taps seen so far, as ranges (transit/counterRanges.ts);
   * what each tap became is in the batch's answer and, for a debit, in the wallet's history.
   */
  transitTaps: Map<string, number[]>
}

const keys: Array<keyof MerchantDomainState> = [
  'usccOverrides',
  'merchantDocuments',
  'scenes',
  'terminals',
  'terminalByDevice',
  'qrCodes',
  'govBills',
  'govBillByNo',
  'transitTaps',
]

/** Adds the merchant domain's maps to the rails state (once) and returns them. */
export function merchantStateOf(state: RailsState): MerchantDomainState {
  const holder = state as unknown as Record<string, unknown>
  for (const key of keys) if (!(holder[key] instanceof Map)) holder[key] = new Map()
  return holder as unknown as MerchantDomainState
}
