import type { OrderRecord } from '../state/records.js'

/**
 * The engine's port to the points programme (`rails.campaigns.points`): points a wallet redeemed
 * against an open order pay part of it from the programme's fund. The engine calls it inside the
 * payment or refund, after its own checks, so the money moves atomically with the rest. A separate
 * port from {@link CampaignPort}: replacing the campaign hooks (`createRails({ campaignHooks })`)
 * keeps points working. Without it, no points pay for orders.
 */
export interface PointsPort {
  /** Fen of the order the payer's points pay (0 without points, or for another wallet's). Changes nothing. */
  valueFor(order: Readonly<OrderRecord>, payerWalletId: string): number
  /**
   * After the payer paid its part: the fund pays the points' value to the merchant (one journal
   * entry). Points another wallet redeemed against the order go back to it instead.
   */
  apply(input: { order: OrderRecord; payerWalletId: string; merchantWalletId: string }): void
  /** Of `holderAmount` fen of a refund going back to the holder, the part owed to the fund. Changes nothing. */
  refundShare(order: Readonly<OrderRecord>, holderAmount: number): number
  /** Moves `value` fen from the merchant back to the fund and returns the points in proportion. */
  applyRefund(input: { order: OrderRecord; value: number; merchantWalletId: string; reference: string }): {
    points: number
    value: number
  }
}
