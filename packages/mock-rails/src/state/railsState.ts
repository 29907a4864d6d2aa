import { createLedgerState, type LedgerState } from '../ledger/ledger.js'
import type { MerchantRecord } from './merchantStore.js'
import type {
  HistoryEntry,
  MerchantDayRecord,
  OrderRecord,
  PaymentCodeRecord,
  RefundRecord,
  SubWalletRecord,
  TapLines,
  TransferRecord,
  WalletRecord,
} from './records.js'

/**
 * Everything the engine remembers. Only maps of plain records and counters, so a snapshot is a
 * straight serialisation and a restore a straight parse.
 */
export type RailsState = {
  counters: Record<string, number>
  wallets: Map<string, WalletRecord>
  subWallets: Map<string, SubWalletRecord>
  paymentCodes: Map<string, PaymentCodeRecord>
  /** Wallet id → its newest payment code (creating a new one retires the old). */
  currentPaymentCode: Map<string, string>
  orders: Map<string, OrderRecord>
  /** `merchantId␟merchantOrderNo` → order id. */
  orderByMerchantNo: Map<string, string>
  refunds: Map<string, RefundRecord>
  /** `merchantId␟merchantRefundNo` → refund id. */
  refundByMerchantNo: Map<string, string>
  /** Order id → its refund ids, oldest first. */
  refundsByOrder: Map<string, string[]>
  transfers: Map<string, TransferRecord>
  /** Wallet id → transfer ids it sent or received, oldest first. */
  transfersByWallet: Map<string, string[]>
  /** Wallet id → its history, oldest first. */
  transactions: Map<string, HistoryEntry[]>
  /** Wallet id → its taps debited in bulk, packed (the history refers to them by index). */
  tapLines: Map<string, TapLines>
  /** `level␟idNumber` or `WT09␟uscc` → the open wallet that holds that identity. */
  identities: Map<string, string>
  merchants: Map<string, MerchantRecord>
  /**
   * `merchantId␟YYYY-MM-DD` (Asia/Shanghai) → the ids of the orders the merchant created and the
   * refunds it made that day, oldest first: what a daily statement reads.
   */
  merchantDays: Map<string, MerchantDayRecord>
  /** Orders still `created`, watched for expiry. */
  openOrders: Map<string, number>
  ledger: LedgerState
}

export function createRailsState(): RailsState {
  return {
    counters: {},
    wallets: new Map(),
    subWallets: new Map(),
    paymentCodes: new Map(),
    currentPaymentCode: new Map(),
    orders: new Map(),
    orderByMerchantNo: new Map(),
    refunds: new Map(),
    refundByMerchantNo: new Map(),
    refundsByOrder: new Map(),
    transfers: new Map(),
    transfersByWallet: new Map(),
    transactions: new Map(),
    tapLines: new Map(),
    identities: new Map(),
    merchants: new Map(),
    merchantDays: new Map(),
    openOrders: new Map(),
    ledger: createLedgerState(),
  }
}
