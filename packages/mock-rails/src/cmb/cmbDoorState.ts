import type { CmbAppKeyRecord } from './cmbAppContext.js'
import type { CmbMerchantRegistration } from './cmbMerchants.js'
import type { CmbNotificationRecord } from './cmbOutbox.js'

/**
 * What the CMB door remembers beside the engine: CMB's numbers, notify URLs, contracts, file links,
 * its notifications and the merchants registered with it. Only maps of plain records and counters,
 * so the durable sandbox (`startSandbox({ state })`) saves and loads it as the rails state.
 */
export type CmbOrderRecord = {
  merId: string
  orderId: string
  railsOrderId: string
  endpoint: string
  notifyUrl: string | null
  contract: Record<string, unknown> | null
  /** The last status a notification was queued for. */
  notified: string | null
  /** When the contract's profit split was paid out (rails ms), once. */
  contractSettledAt?: number | null
}

export type CmbRefundRecord = {
  merId: string
  refundNo: string
  railsRefundId: string
  origOrderId: string
  notifyUrl: string | null
  notified: string | null
}

export function createCmbDoorState() {
  return {
    orders: new Map<string, CmbOrderRecord>(),
    refunds: new Map<string, CmbRefundRecord>(),
    /** Statement file links handed out by `statementurl`: token → merchant and day. */
    statementLinks: new Map<string, { merchantId: string; date: string }>(),
    /** CMB-form notifications by id (`cmbntf_…`), pending and finished. */
    notifications: new Map<string, CmbNotificationRecord>(),
    /** Registrations by APP ID (credentials and public key; the verifier is made again from them). */
    registrations: new Map<string, CmbMerchantRegistration>(),
    /** The wallet operator's SM2 keys app orders are encrypted to, by serial (`ncrptnSN`), newest last. */
    appKeys: new Map<string, CmbAppKeyRecord>(),
    counters: { notifications: 0 },
  }
}

export type CmbDoorState = ReturnType<typeof createCmbDoorState>

export const cmbKey = (merId: string, number: string) => `${merId}\u241f${number}`
