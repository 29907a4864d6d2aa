/**
 * `pnpm bench verify`: notification verification throughput.
 *
 * `verify_throughput_ratio` = notifications/s through `verifyNotification(rawBody, headers, options)`
 * (header lookup, algorithm allow-list, key lookup by `kid`, ES256 signature check, body digest,
 * freshness and `rid` binding, JSON parse, zod validation of the event, replay-store claim) ÷ tokens/s
 * through a bare `jose.compactVerify(token, key)` with the key imported once — the same signed
 * tokens, verified one after another on one thread. Target ≥ 0.8: the SDK may add at most a quarter
 * on top of the signature check it cannot avoid.
 *
 * Rounds alternate which side goes first and are short, so the load of a shared machine hits both
 * alike; the figure is the median of the per-round ratios. Each SDK round gets a fresh in-memory
 * replay store (the same tokens are verified again every round, and a replay store that already
 * knew them would — rightly — reject them).
 */

import {
  createMemoryReplayStore,
  createTestNotificationKeys,
  type SignedTestNotification,
  signTestNotification,
  verifyNotification,
} from '@ecny/sdk-merchant'
// jose is a dependency of the SDK packages, not of the repo root: load the very copy the SDK uses.
import type * as Jose from '../packages/sdk-core/node_modules/jose/dist/types/index.js'

const josePath = '../packages/sdk-core/node_modules/jose/dist/webapi/index.js'

const tokens = 200
const rounds = 31

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** A realistic `order.succeeded` payload, as the rails send it. */
function orderData(i: number) {
  const at = new Date().toISOString()
  return {
    id: `ord_${String(i).padStart(12, '0')}`,
    merchantId: 'mch_000001',
    merchantOrderNo: `BENCH-${i}`,
    mode: 'qr',
    status: 'succeeded',
    amount: 1_250 + i,
    paidAmount: 1_250 + i,
    refundedAmount: 0,
    currency: 'CNY',
    description: '基准测试 latte',
    sceneId: null,
    terminalId: null,
    payerWalletId: '0022501234565081',
    qrPayload: `ecny://pay?o=ord_${i}`,
    appPayload: null,
    benefit: null,
    failureCode: null,
    failureMessage: null,
    expiresAt: at,
    paidAt: at,
    createdAt: at,
    updatedAt: at,
  }
}

export async function run(): Promise<Record<string, number>> {
  const jose = (await import(josePath)) as typeof Jose
  const keys = await createTestNotificationKeys()
  const signed: SignedTestNotification[] = []
  for (let i = 0; i < tokens; i++) {
    signed.push(
      await signTestNotification(
        { type: 'order.succeeded', data: orderData(i) },
        { privateKey: keys.privateKey },
      ),
    )
  }
  const publicKey = await jose.importJWK(keys.publicKey as Jose.JWK, 'ES256')
  const compact = signed.map((notification) => notification.headers['ecny-signature']!)

  async function sdkRound(): Promise<number> {
    const replayStore = createMemoryReplayStore()
    const started = performance.now()
    for (const notification of signed) {
      await verifyNotification(notification.body, notification.headers, {
        gatewayKeys: keys.jwks,
        replayStore,
      })
    }
    return tokens / ((performance.now() - started) / 1000)
  }
  async function bareRound(): Promise<number> {
    const started = performance.now()
    for (const token of compact) await jose.compactVerify(token, publicKey)
    return tokens / ((performance.now() - started) / 1000)
  }

  // Warm-up (JIT, key import caches), and a check that both sides accept every token.
  for (let i = 0; i < 3; i++) {
    await sdkRound()
    await bareRound()
  }

  const ratios: number[] = []
  const sdkRates: number[] = []
  const bareRates: number[] = []
  for (let round = 0; round < rounds; round++) {
    let sdk: number
    let bare: number
    if (round % 2 === 0) {
      sdk = await sdkRound()
      bare = await bareRound()
    } else {
      bare = await bareRound()
      sdk = await sdkRound()
    }
    ratios.push(sdk / bare)
    sdkRates.push(sdk)
    bareRates.push(bare)
  }
  const ratio = median(ratios)
  console.log(
    `verify: verifyNotification ${Math.round(median(sdkRates))}/s, bare compactVerify ${Math.round(median(bareRates))}/s ` +
      `(medians of ${rounds} rounds × ${tokens}); ratio median ${ratio.toFixed(3)} ` +
      `[${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}] (target ≥ 0.8)`,
  )
  return {
    verify_throughput_ratio: Number(ratio.toFixed(3)),
    verify_sdk_per_s: Math.round(median(sdkRates)),
    verify_baseline_per_s: Math.round(median(bareRates)),
  }
}
