/**
 * The simulator's stored records. Times are epoch milliseconds by the rails clock (converted to
 * ISO 8601 only on the way out); amounts are integer fen. Records are plain data so `snapshot()`
 * can serialise them as they are.
 */
import type { OrderState } from '../engine/stateMachines/orderStateMachine.js'
import type { PaymentCodeState } from '../engine/stateMachines/paymentCodeStateMachine.js'
import type { RefundState } from '../engine/stateMachines/refundStateMachine.js'
import type { SubWalletState } from '../engine/stateMachines/subWalletStateMachine.js'
import type { WalletState } from '../engine/stateMachines/walletStateMachine.js'

export type WalletLevel = 'WL01' | 'WL02' | 'WL03' | 'WL04'

/** Usage counters for the daily and annual caps, keyed by the Shanghai day and year they count. */
export type UsageRecord = { day: number; today: number; year: number; thisYear: number }

/** A WT10 sub-wallet's caps in fen, set by its parent; `null`: no such cap. */
export type CorporateUnitCaps = { single: number | null; daily: number | null; balance: number | null }

export type WalletRecord = {
  id: string
  type: 'WT01' | 'WT03' | 'WT09' | 'WT10'
  level: WalletLevel
  status: WalletState
  holder: {
    name: string | null
    mobile: string | null
    idNumber: string | null
    uscc: string | null
  }
  /** Full card or settlement account number; masked on the way out. */
  linkedBankCard: string | null
  branchId: string | null
  tags: string[]
  usage: UsageRecord
  createdAt: number
  closedAt: number | null
  /** WT03 only: the personal wallet it is linked to and its form factor (transit/issueHardwareWallet.ts). */
  hardware?: { parentWalletId: string; formFactor: 'card' | 'sim' | 'wearable' }
  /** WT10 only: the WT09 parent, the department or store it serves, and its own caps (`null`: none). */
  corporateUnit?: {
    parentWalletId: string
    name: string
    caps: CorporateUnitCaps
    /** Each set of caps it has had, oldest first (the last is `caps`); absent in older saves. */
    capsHistory?: Array<{ caps: CorporateUnitCaps; effectiveFrom: number; memo: string | null }>
  }
  /** The holder's payment password, wrong attempts in a row and the freeze; absent in older saves. */
  paymentPassword?: { password: string; failures: number; frozenUntil: number | null }
}

export type SubWalletRecord = {
  id: string
  parentWalletId: string
  merchantId: string
  status: SubWalletState
  caps: { single: number; daily: number }
  usage: UsageRecord
  createdAt: number
  revokedAt: number | null
}

export type PaymentCodeRecord = {
  code: string
  walletId: string
  status: PaymentCodeState
  expiresAt: number
  createdAt: number
}

export type OrderMode = 'qr' | 'payment_code' | 'sub_wallet' | 'app'

export type OrderRecord = {
  id: string
  merchantId: string
  merchantOrderNo: string
  mode: OrderMode
  status: OrderState
  amount: number
  paidAmount: number
  refundedAmount: number
  description: string
  sceneId: string | null
  terminalId: string | null
  notifyUrl: string | null
  payerWalletId: string | null
  subWalletId: string | null
  qrPayload: string | null
  failureCode: string | null
  failureMessage: string | null
  /** The campaign benefit applied when it was paid; `paidAmount` is what the wallet paid after it. */
  benefit?: OrderBenefitRecord | null
  /** Points a wallet redeemed against the order while it was open (the points fund pays their value). */
  points?: OrderPointsRecord | null
  /** What the order was created with, to tell a retry from a clash on the same merchant order number. */
  fingerprint: string
  expiresAt: number
  paidAt: number | null
  createdAt: number
  updatedAt: number
}

/** A campaign benefit on an order: `amount` fen came from the campaign's budget, not the wallet. */
export type OrderBenefitRecord = {
  campaignId: string
  claimId: string
  amount: number
  points: number
  /** Fen of `amount` taken back by refunds so far (campaign refund policy). */
  clawedBack: number
  /** Paid back into the wallet after payment (a 满减 rebate), not off the price the wallet paid. */
  rebate?: boolean
  /**
   * A rebate's payout: `pending` while its delay runs (then `amount` is 0: nothing came from the
   * budget yet; `rebateAmount` is due at `rebateDueAt`), `paid` (`amount` = `rebateAmount`; at once
   * without a delay), or `cancelled` by a refund before it was due (`amount` stays 0).
   */
  rebateStatus?: 'pending' | 'paid' | 'cancelled'
  rebateAmount?: number
  rebateDueAt?: number
}

/**
 * Points redeemed against an open order: `value` fen (`points × fenPerPoint`) of it is paid from the
 * points fund when `walletId` pays it. `held` while open, `applied` once paid with them, `released`
 * (given back to the holder) when the order closed or another wallet paid it.
 */
export type OrderPointsRecord = {
  walletId: string
  points: number
  value: number
  status: 'held' | 'applied' | 'released'
  /** What refunds sent back so far: fen to the fund, points to the holder. */
  returnedValue: number
  returnedPoints: number
}

export type RefundRecord = {
  id: string
  orderId: string
  merchantRefundNo: string
  amount: number
  status: RefundState
  reason: string | null
  failureCode: string | null
  /** Campaign benefit this refund took back (fen): the wallet got `amount − benefitClawback`. */
  benefitClawback?: number
  /** Of `amount`, fen back to the points fund and points back to the holder (an order paid partly with points). */
  pointsReturned?: { points: number; value: number } | null
  createdAt: number
  succeededAt: number | null
}

/** One merchant's activity of one Asia/Shanghai day, oldest first. */
export type MerchantDayRecord = { orderIds: string[]; refundIds: string[] }

export type TransferReward = {
  granted: boolean
  amount?: number
  points?: number
  claimId?: string | null
  reason?: string | null
}

export type TransferRecord = {
  id: string
  fromWalletId: string
  toWalletId: string
  amount: number
  memo: string | null
  campaignId: string | null
  reward: TransferReward | null
  createdAt: number
}

export type TransactionKind =
  | 'top_up'
  | 'redemption'
  | 'payment'
  | 'refund'
  | 'transfer_in'
  | 'transfer_out'
  | 'reward'
  | 'reward_clawback'
  | 'sub_wallet_funding'
  | 'sub_wallet_return'

export type TransactionRecord = {
  id: string
  /** Position in the wallet's history, for cursors. */
  seq: number
  walletId: string
  kind: TransactionKind
  amount: number
  /** Signed: positive credits the wallet. */
  signed: number
  balanceAfter: number
  reference: string | null
  createdAt: number
}

/** A tap batch as its debits refer to it: one object shared by every debit of the batch. */
export type TapBatchStamp = { id: string; createdAt: number }

/** Slots per debit in {@link TapLines}. */
export const tapLineSlots = 5

/**
 * A wallet's taps debited in bulk, packed: a transit day is a million of them, so five slots each in
 * one array per wallet instead of a {@link TransactionRecord} apiece — the history line's number, the
 * amount, the balance after, the wallet's offline counter of the tap, and the batch. Each is a
 * `payment` of the wallet referencing its batch; `historyLine` (state/historyLine.ts) gives it whole.
 */
export type TapLines = Array<number | TapBatchStamp>

/**
 * One line of a wallet's history, as stored: a record, or the index of a debit in the wallet's
 * {@link TapLines}.
 */
export type HistoryEntry = TransactionRecord | number
