import type { Order } from '@ecny/protocol'
import type { Rails } from '../createRails.js'
import type { CmbDoorState } from './cmbDoorState.js'

const unitMs: Record<string, number> = { day: 86_400_000, hour: 3_600_000, minute: 60_000 }

/**
 * Delayed clearing of smart-contract payments (§2.7.2): once `delayTime` `timeUnit`s have passed since
 * a contract order was paid (by the rails clock), what is left of it after refunds is paid out of the
 * merchant's settlement wallet to the `benefitList` wallets by their percents (the last share takes
 * the rounding remainder). Each contract settles once. Returns how many settled now.
 */
export function settleContracts(
  rails: Rails,
  state: CmbDoorState,
  merchantIdOf: (merId: string) => string | undefined,
): number {
  let settled = 0
  for (const record of state.orders.values()) {
    const contract = record.contract
    if (!contract || record.contractSettledAt) continue
    const order = rails.engine.getOrder(record.railsOrderId) as Order
    if (!order.paidAt || (order.status !== 'succeeded' && order.status !== 'partially_refunded')) continue
    const due =
      Date.parse(order.paidAt) + Number(contract.delayTime) * (unitMs[String(contract.timeUnit)] ?? 0)
    if (rails.clock.now() < due) continue
    const merchantId = merchantIdOf(record.merId)
    if (!merchantId) continue
    const from = (rails.engine.getMerchant(merchantId) as { settlementWalletId: string }).settlementWalletId
    const total = order.amount - order.refundedAmount
    const shares = (contract.benefitList as Array<{ benefitWalletId: string; percent: string }>).map((b) => ({
      to: b.benefitWalletId,
      amount: Math.floor((total * Math.round(Number(b.percent) * 100)) / 100),
    }))
    shares[shares.length - 1]!.amount += total - shares.reduce((sum, s) => sum + s.amount, 0)
    for (const share of shares) {
      if (share.amount > 0)
        rails.engine.createTransfer({
          fromWalletId: from,
          toWalletId: share.to,
          amount: share.amount,
          memo: `contract ${record.orderId}`,
        })
    }
    record.contractSettledAt = rails.clock.now()
    settled++
  }
  return settled
}
