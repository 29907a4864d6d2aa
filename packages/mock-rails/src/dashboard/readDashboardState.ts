import type { Rails } from '../createRails.js'
import { railsInternalsOf } from '../state/railsInternals.js'
import { maskWalletId } from '../support/mask.js'
import { formatTimestamp } from '../support/shanghaiTime.js'

/** Rows kept per table: the newest. */
const rowsPerTable = 100

const newest = <T>(items: Iterable<T>): T[] => [...items].slice(-rowsPerTable).reverse()
const maskOrNull = (id: string | null) => (id === null ? null : maskWalletId(id))
/** A receiver URL without its query or credentials (they may carry secrets). */
const urlForShow = (url: string | null) => {
  if (url === null) return null
  try {
    const parsed = new URL(url)
    return `${parsed.origin}${parsed.pathname}`
  } catch {
    return null
  }
}

/**
 * What the dashboard shows, read from the rails in process: wallets and balances (ids masked),
 * orders, refunds, transfers, notifications with every attempt, campaign budgets, the ledger's
 * verification. Newest first, at most 100 rows a table. No personal data beyond masked wallet ids.
 *
 * @example
 * const state = readDashboardState(sandbox.rails)
 * state.ledger.ok // true
 */
export function readDashboardState(rails: Rails) {
  const { state } = railsInternalsOf(rails)
  return {
    clock: rails.testControls.clock(),
    wallets: newest(state.wallets.values()).map((wallet) => ({
      id: maskWalletId(wallet.id),
      type: wallet.type,
      level: wallet.level,
      status: wallet.status,
      balance: rails.ledger.balanceOf(`wallet:${wallet.id}`),
      createdAt: formatTimestamp(wallet.createdAt),
    })),
    orders: newest(state.orders.values()).map((order) => ({
      id: order.id,
      merchantOrderNo: order.merchantOrderNo,
      description: order.description,
      mode: order.mode,
      status: order.status,
      amount: order.amount,
      paidAmount: order.paidAmount,
      refundedAmount: order.refundedAmount,
      payerWalletId: maskOrNull(order.payerWalletId),
      benefit: order.benefit ? { campaignId: order.benefit.campaignId, amount: order.benefit.amount } : null,
      createdAt: formatTimestamp(order.createdAt),
    })),
    refunds: newest(state.refunds.values()).map((refund) => ({
      id: refund.id,
      orderId: refund.orderId,
      merchantRefundNo: refund.merchantRefundNo,
      amount: refund.amount,
      status: refund.status,
      reason: refund.reason,
      createdAt: formatTimestamp(refund.createdAt),
    })),
    transfers: newest(state.transfers.values()).map((transfer) => ({
      id: transfer.id,
      fromWalletId: maskWalletId(transfer.fromWalletId),
      toWalletId: maskWalletId(transfer.toWalletId),
      amount: transfer.amount,
      memo: transfer.memo,
      createdAt: formatTimestamp(transfer.createdAt),
    })),
    notifications: newest(rails.testControls.listNotifications()).map((notification) => ({
      id: notification.id,
      type: notification.type,
      url: urlForShow(notification.url),
      status: notification.status,
      createdAt: notification.createdAt,
      nextAttemptAt: notification.nextAttemptAt,
      attempts: notification.attempts,
    })),
    campaigns: rails.campaigns.list({ limit: rowsPerTable }).data.map((campaign) => ({
      id: campaign.id,
      name: campaign.name,
      type: campaign.type,
      status: campaign.status,
      budget: campaign.budget,
    })),
    ledger: rails.testControls.verifyLedger(),
  }
}

export type DashboardState = ReturnType<typeof readDashboardState>
