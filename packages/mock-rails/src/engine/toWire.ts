/**
 * Stored records → the protocol's JSON shapes (`@ecny/sdk-core` protocol schemas): ISO timestamps
 * with the +08:00 offset, currency, masked personal data.
 */
import type { MerchantRecord } from '../state/merchantStore.js'
import type {
  OrderRecord,
  PaymentCodeRecord,
  RefundRecord,
  SubWalletRecord,
  TransactionRecord,
  TransferRecord,
  WalletRecord,
} from '../state/records.js'
import { maskCard, maskIdNumber, maskMobile, maskName } from '../support/mask.js'
import { formatTimestamp } from '../support/shanghaiTime.js'

const orNull = (ms: number | null) => (ms === null ? null : formatTimestamp(ms))

export function walletToWire(wallet: WalletRecord) {
  const { holder } = wallet
  return {
    id: wallet.id,
    type: wallet.type,
    level: wallet.level,
    status: wallet.status,
    holder: {
      ...(holder.name !== null && { name: wallet.type === 'WT09' ? holder.name : maskName(holder.name) }),
      ...(holder.mobile !== null && { mobile: maskMobile(holder.mobile) }),
      ...(holder.idNumber !== null && { idNumber: maskIdNumber(holder.idNumber) }),
      ...(holder.uscc !== null && { uscc: holder.uscc }),
    },
    linkedBankCard: wallet.linkedBankCard === null ? null : maskCard(wallet.linkedBankCard),
    parentWalletId: wallet.hardware?.parentWalletId ?? wallet.corporateUnit?.parentWalletId ?? null,
    ...(wallet.hardware && { formFactor: wallet.hardware.formFactor }),
    tags: wallet.tags,
    createdAt: formatTimestamp(wallet.createdAt),
    closedAt: orNull(wallet.closedAt),
  }
}

export function subWalletToWire(sub: SubWalletRecord) {
  return {
    id: sub.id,
    parentWalletId: sub.parentWalletId,
    merchantId: sub.merchantId,
    status: sub.status,
    caps: { single: sub.caps.single, daily: sub.caps.daily },
    createdAt: formatTimestamp(sub.createdAt),
    revokedAt: orNull(sub.revokedAt),
  }
}

export function paymentCodeToWire(code: PaymentCodeRecord, now: number) {
  return {
    code: code.code,
    walletId: code.walletId,
    status: code.status === 'active' && code.expiresAt <= now ? 'expired' : code.status,
    expiresAt: formatTimestamp(code.expiresAt),
    createdAt: formatTimestamp(code.createdAt),
  }
}

export function orderToWire(order: OrderRecord) {
  return {
    id: order.id,
    merchantId: order.merchantId,
    merchantOrderNo: order.merchantOrderNo,
    mode: order.mode,
    status: order.status,
    amount: order.amount,
    paidAmount: order.paidAmount,
    amountDue: order.amount - (order.points && order.points.status !== 'released' ? order.points.value : 0),
    refundedAmount: order.refundedAmount,
    currency: 'CNY' as const,
    description: order.description,
    sceneId: order.sceneId,
    terminalId: order.terminalId,
    payerWalletId: order.payerWalletId,
    subWalletId: order.subWalletId,
    qrPayload: order.qrPayload,
    benefit: order.benefit
      ? {
          campaignId: order.benefit.campaignId,
          claimId: order.benefit.claimId,
          amount: order.benefit.amount,
          points: order.benefit.points,
          clawedBack: order.benefit.clawedBack,
          ...(order.benefit.rebate && { rebate: true }),
          ...(order.benefit.rebateStatus && {
            rebateStatus: order.benefit.rebateStatus,
            rebateAmount: order.benefit.rebateAmount,
            rebateDueAt: orNull(order.benefit.rebateDueAt ?? null),
          }),
        }
      : null,
    pointsRedeemed: order.points
      ? {
          walletId: order.points.walletId,
          points: order.points.points,
          value: order.points.value,
          status: order.points.status,
          returnedPoints: order.points.returnedPoints,
          returnedValue: order.points.returnedValue,
        }
      : null,
    failureCode: order.failureCode,
    failureMessage: order.failureMessage,
    expiresAt: formatTimestamp(order.expiresAt),
    paidAt: orNull(order.paidAt),
    createdAt: formatTimestamp(order.createdAt),
    updatedAt: formatTimestamp(order.updatedAt),
  }
}

export function refundToWire(refund: RefundRecord) {
  return {
    id: refund.id,
    orderId: refund.orderId,
    merchantRefundNo: refund.merchantRefundNo,
    amount: refund.amount,
    benefitClawback: refund.benefitClawback ?? 0,
    pointsReturned: refund.pointsReturned ?? null,
    status: refund.status,
    reason: refund.reason,
    failureCode: refund.failureCode,
    createdAt: formatTimestamp(refund.createdAt),
    succeededAt: orNull(refund.succeededAt),
  }
}

export function transferToWire(transfer: TransferRecord) {
  return {
    id: transfer.id,
    fromWalletId: transfer.fromWalletId,
    toWalletId: transfer.toWalletId,
    amount: transfer.amount,
    currency: 'CNY' as const,
    status: 'succeeded' as const,
    memo: transfer.memo,
    campaignId: transfer.campaignId,
    reward: transfer.reward,
    createdAt: formatTimestamp(transfer.createdAt),
  }
}

export function transactionToWire(tx: TransactionRecord) {
  return {
    id: tx.id,
    walletId: tx.walletId,
    kind: tx.kind,
    direction: tx.signed >= 0 ? ('credit' as const) : ('debit' as const),
    amount: tx.amount,
    balanceAfter: tx.balanceAfter,
    reference: tx.reference,
    createdAt: formatTimestamp(tx.createdAt),
  }
}

export function merchantToWire(merchant: MerchantRecord) {
  return {
    id: merchant.id,
    status: merchant.status,
    legalName: merchant.legalName,
    uscc: merchant.uscc,
    mcc: merchant.mcc,
    legalRepresentative: {
      name: maskName(merchant.legalRepresentative.name),
      idType: merchant.legalRepresentative.idType,
      idNumber: maskIdNumber(merchant.legalRepresentative.idNumber),
    },
    contactMobile: maskMobile(merchant.contactMobile),
    settlementWalletId: merchant.settlementWalletId,
    documents: merchant.documents,
    rejections: merchant.rejections,
    notifyUrl: merchant.notifyUrl,
    createdAt: formatTimestamp(merchant.createdAt),
    reviewedAt: orNull(merchant.reviewedAt),
  }
}
