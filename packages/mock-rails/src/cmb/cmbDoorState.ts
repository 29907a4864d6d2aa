/** What the CMB door remembers beside the engine: CMB's numbers, notify URLs, contracts, file links. */
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
  }
}

export type CmbDoorState = ReturnType<typeof createCmbDoorState>

export const cmbKey = (merId: string, number: string) => `${merId}\u241f${number}`
