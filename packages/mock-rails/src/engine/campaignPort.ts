import type { Ledger } from '../ledger/ledger.js'
import type { OrderBenefitRecord, OrderRecord, TransferRecord, TransferReward } from '../state/records.js'

/** What the engine tells campaigns about a transfer that carried a `campaignId`. */
export type TransferHookInput = {
  campaignId: string
  /** The transfer, already settled (money moved) when the hook runs. */
  transfer: Readonly<TransferRecord>
  /** The ledger, to pay a reward out of a campaign budget account as one balanced entry. */
  ledger: Ledger
  /** Rails clock, epoch ms. */
  now: number
}

/** The benefit a wallet would get on an order, priced before it pays. */
export type OrderBenefitQuote = {
  campaignId: string
  /** The held benefit (voucher, red envelope, lottery ticket) it uses; `null` for an automatic one. */
  claimId: string | null
  /** Fen off the order, paid to the merchant from the campaign's budget. */
  discount: number
  points: number
  /** A post-payment rebate: the wallet pays the whole order and the budget pays `discount` back to it. */
  rebate?: boolean
}

export type OrderBenefitInput = {
  order: Readonly<OrderRecord>
  /** The paying wallet (a sub-wallet's parent). */
  walletId: string
  /** The campaign the payer chose; without it the best benefit the wallet is eligible for applies. */
  campaignId?: string | undefined
  now: number
}

/**
 * The engine's port to campaigns: the only thing the payment engine knows of them. The engine calls
 * these synchronously inside the operation, so a hook that grants a reward does so atomically with
 * the transfer or payment. The rails' own campaign engine implements it (`campaigns.hooks`, passed in
 * by `createRails`); replace it with `createRails({ campaignHooks })` (published as `CampaignHooks`).
 * Only `onTransfer` is required: a port without the order methods applies no order benefits.
 */
export interface CampaignPort {
  onTransfer(input: TransferHookInput): TransferReward
  /** Campaigns a wallet may join, in protocol shape. */
  eligibleCampaigns?(walletId: string, now: number): unknown[]
  /**
   * Before a wallet pays an order: the benefit to apply, or `null`. Changes nothing. Throws the
   * refusal (`not_eligible`, `claim_cap_reached`, …) when the payer named a campaign that cannot apply.
   */
  quoteOrderBenefit?(input: OrderBenefitInput): OrderBenefitQuote | null
  /**
   * After the wallet paid `amount − discount` to the merchant: pays the discount from the budget to
   * the merchant and records the claim. Returns what the order carries as `benefit`.
   */
  applyOrderBenefit?(input: {
    order: Readonly<OrderRecord>
    walletId: string
    quote: OrderBenefitQuote
    merchantWalletId: string
    now: number
  }): OrderBenefitRecord
  /**
   * How much of the order's benefit a refund of `refundAmount` takes back (refund policy). Changes
   * nothing but applying the clock first (a rebate already due is paid, so the refund can take it back).
   */
  refundClawback?(input: { order: Readonly<OrderRecord>; refundAmount: number }): number
  /** Moves a clawback from the merchant back to the campaign. */
  applyClawback?(input: {
    order: OrderRecord
    amount: number
    merchantWalletId: string
    reference: string
    now: number
  }): void
  /** After a refund or reversal of the order succeeded: settles what waited on it (a pending rebate is cancelled). */
  onRefunded?(input: { order: Readonly<OrderRecord>; now: number }): void
}

/** Rails without a campaign engine: no campaign is known, so no reward is granted. */
export const noCampaigns: CampaignPort = {
  onTransfer: () => ({ granted: false, reason: 'campaign_not_found' }),
  eligibleCampaigns: () => [],
}
