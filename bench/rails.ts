/**
 * `pnpm bench rails`: full in-process payment cycles per second through the rails engine — create a
 * QR order, pay it from a wallet, the `order.succeeded` notification queued — median of several
 * rounds. No HTTP, no signatures: this measures the engine's hot path (ledger, caps, state machine,
 * outbox), which must stay free of per-call crypto and JSON round trips.
 */

import { createRails } from '@ecny/mock-rails'
import { computeUsccCheckChar } from '@ecny/sdk-core/internal'

const payerUscc = `91310000MA9999999${computeUsccCheckChar('91310000MA9999999')}`

const roundSize = 5_000
const rounds = 15

function round(): number {
  const rails = createRails({ seed: 1 })
  const merchant = rails.seedMerchant({ notifyUrl: 'http://127.0.0.1:9/notify' })
  const wallet = rails.engine.openWallet({
    type: 'WT09',
    entity: { legalName: '基准测试付款公司', uscc: payerUscc },
    settlementAccount: { accountNo: '6100000000009999', accountName: '基准测试付款公司' },
  })
  rails.engine.topUp(wallet.id, { amount: roundSize * 100 })
  const started = performance.now()
  for (let i = 0; i < roundSize; i++) {
    const order = rails.engine.createOrder({
      merchantId: merchant.id,
      merchantOrderNo: `B${i}`,
      amount: 100,
      description: 'bench',
      mode: 'qr',
    })
    rails.engine.payOrder(order.id, { walletId: wallet.id })
  }
  const seconds = (performance.now() - started) / 1000
  if (rails.notifications.pendingCount() !== roundSize) throw new Error('notifications were not queued')
  if (!rails.ledger.verify().ok) throw new Error('ledger out of balance')
  return roundSize / seconds
}

export async function run(): Promise<Record<string, number>> {
  round() // warm-up
  const figures: number[] = []
  for (let i = 0; i < rounds; i++) figures.push(round())
  figures.sort((a, b) => a - b)
  const median = figures[Math.floor(figures.length / 2)]!
  console.log(`rails: ${figures.map((f) => Math.round(f)).join(', ')} cycles/s; median ${Math.round(median)}`)
  return { rails_cycles_per_s: Math.round(median) }
}
