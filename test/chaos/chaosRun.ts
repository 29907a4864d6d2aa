/**
 * The chaos run, shared by `test/chaos/chaos.test.ts` (the assertion) and `bench/chaos.ts` (the
 * figures). Everything goes over real HTTP on 127.0.0.1: the SDK (`@ecny/sdk-merchant` for orders
 * and refunds, `@ecny/sdk-core` for the holders' payments and transfers) talks to the sandbox, whose
 * fault injector fails about 30 % of requests — 429 with Retry-After, 503, and connections dropped
 * after the rails committed — adds latency to the rest, and duplicates and reorders the signed
 * notifications it delivers to the merchant's receiver (a real node:http server using the SDK's
 * notification adapter, de-duplicating by event id).
 *
 * Each logical operation is driven to a final state the way the SDK documents it:
 * - an order create that ends in `result_unknown` is settled with `orders.resolveUnknownOutcome`
 *   (query by merchant order number; `not_found` → create again with the same number); a resolution
 *   that cannot reach the gateway is resumed from its `details.resumeWith`, as a merchant's later job
 *   would, never counted lost;
 * - a payment or transfer whose outcome is unknown is looked up (payments, by merchant order number)
 *   or retried with the same idempotency key (the gateway answers it without acting twice);
 * - a refund is retried with the same merchant refund number (its idempotency key).
 *
 * Nothing here reads the wall clock to decide pass or fail: budgets are counted in attempts, the
 * harness never sleeps between its own retries, and the notification outbox is drained in delivery
 * rounds with the rails' clock moved to the next retry. Faults are drawn per request (seed,
 * idempotency key or path, attempt), and every key and merchant number derives from the seed, so a
 * seed gives each operation the same faults whatever the interleaving: `CHAOS_SEED=N` replays a run.
 *
 * Then the books are checked against the rails: each payment debited once, each transfer made once,
 * each refund credited once (duplicates), every operation final and agreed on by both sides (lost),
 * the ledger conserved and every wallet's balance exactly what the SDK side expects (drift, in fen),
 * and every notification's effect applied exactly once by the receiver.
 */

import { Agent } from 'node:http'
import { type FaultOptions, type Rails, startSandbox } from '@ecny/mock-rails'
import { createClient, type Order, type Refund, type Transfer } from '@ecny/sdk-core'
import {
  createMemoryReplayStore,
  createMerchantClient,
  type ResolveUnknownOutcomeParameters,
} from '@ecny/sdk-merchant'
import { startNotificationReceiver } from '@ecny/test-utils'
import axios from '../../packages/sdk-core/node_modules/axios/index.js'
import {
  chaosTable,
  createPersist,
  createResolveOrder,
  fundWallets,
  historyCounter,
  ledgerDrift,
  runPool,
  seeded,
} from './chaosSupport.js'

export type ChaosOptions = {
  seed?: number
  payments?: number
  /** Refunds, spread over the payments (at most one per payment). */
  refunds?: number
  transfers?: number
  /** Logical operations in flight at once. */
  concurrency?: number
  faults?: FaultOptions
  /** SDK retries per call (raised for chaos; the default is 2). */
  maxRetries?: number
  /** Where the table and progress go. Default: nowhere. */
  print?: (line: string) => void
  /**
   * Called after the workload, before the books are checked, with the rails and the ids of the
   * orders the SDK saw paid: the self-test uses it to change the rails behind the SDK's back and make
   * sure the checks notice (they must not pass vacuously).
   */
  sabotage?: (rails: Rails, paidOrderIds: string[]) => void
}

/** About 30 % of requests fail: 10 % 429, then 12 % 503, then 12 % dropped after commit (≈ 30.3 %). */
export const chaosFaults: FaultOptions = {
  rate429: 0.1,
  rate5xx: 0.12,
  dropAfterCommit: 0.12,
  latencyMs: 2,
  duplicateNotifications: 0.3,
  reorderNotifications: 0.3,
}

export type ChaosReport = {
  /** Logical operations charged, transferred or refunded more than once. */
  duplicates: number
  /** Logical operations not final, or on which the SDK side and the rails disagree. */
  lost: number
  /** |ledger total| + Σ over wallets |balance the SDK side expects − balance on the rails|, in fen. */
  ledgerDriftFen: number
  /** Notification effects applied other than exactly once (or never, or for unknown events). */
  notificationMisapplied: number
  counts: Record<string, number>
  table: string
  wallSeconds: number
}

export async function runChaos(options: ChaosOptions = {}): Promise<ChaosReport> {
  const started = performance.now()
  const seed = options.seed ?? 2024
  const paymentCount = options.payments ?? 1_000
  const refundCount = Math.min(options.refunds ?? 200, paymentCount)
  const transferCount = options.transfers ?? 500
  const concurrency = options.concurrency ?? 32
  const maxRetries = options.maxRetries ?? 3
  const print = options.print ?? (() => {})
  const random = seeded(seed)
  const counts: Record<string, number> = {}
  const count = (name: string, by = 1) => {
    counts[name] = (counts[name] ?? 0) + by
  }

  // --- the sandbox, its request log (fault tally), and the merchant's receiver ----------------------
  const sandbox = await startSandbox({
    seed,
    notificationIntervalMs: 20,
    rails: { notifications: { historyLimit: 1_000_000 } },
    log: (line) => {
      if (line.includes(' dropped ')) count('http dropped after commit')
      else if (line.includes(' 429 ')) count('http 429')
      else if (line.includes(' 503 ')) count('http 503')
      else count('http answered')
    },
  })
  const merchantBook = { paid: new Map<string, number>(), refunded: new Map<string, number>(), effects: 0 }
  const receiver = await startNotificationReceiver({
    gatewayKeys: `${sandbox.url}/.well-known/jwks.json`,
    replayStore: createMemoryReplayStore({ maxEntries: 1_000_000 }),
    onEvent: (event) => {
      merchantBook.effects++
      if (event.type === 'order.succeeded') {
        const no = event.data.merchantOrderNo
        merchantBook.paid.set(no, (merchantBook.paid.get(no) ?? 0) + 1)
      } else if (event.type === 'refund.succeeded') {
        const no = event.data.merchantRefundNo
        merchantBook.refunded.set(no, (merchantBook.refunded.get(no) ?? 0) + 1)
      }
    },
  })

  try {
    const { engine, ledger } = sandbox.rails
    const settlementWalletId = engine.getMerchant(sandbox.merchantId).settlementWalletId as string

    // --- setup, before any fault: 40 funded WL04 wallets ---------------------------------------------
    const { wallets, expected, move } = fundWallets(engine, { mobilePrefix: '1390100', settlementWalletId })

    const http = () => axios.create({ httpAgent: new Agent({ keepAlive: true, maxSockets: concurrency }) })
    const config = {
      baseUrl: sandbox.url,
      credentials: sandbox.credentials,
      maxRetries,
      logLevel: 'silent' as const,
    }
    const merchant = createMerchantClient({ ...config, merchantId: sandbox.merchantId, axios: http() })
    const holder = createClient({ ...config, axios: http() })

    sandbox.rails.faults.set(options.faults ?? chaosFaults)

    const persist = createPersist(count)
    const resolveOrder = createResolveOrder<ResolveUnknownOutcomeParameters>(merchant, count)

    // --- the logical operations ----------------------------------------------------------------------
    type PaymentBook = { no: string; walletId: string; amount: number; order?: Order; refund?: RefundBook }
    type RefundBook = { no: string; amount: number | undefined; result?: Refund }
    type TransferBook = {
      key: string
      memo: string
      from: string
      to: string
      amount: number
      result?: Transfer
    }

    const refundEvery = refundCount > 0 ? Math.floor(paymentCount / refundCount) : Number.POSITIVE_INFINITY
    const payments: PaymentBook[] = Array.from({ length: paymentCount }, (_, i) => {
      const amount = 100 + random(4_900)
      const book: PaymentBook = { no: `CH${seed}-${i}`, walletId: wallets[random(wallets.length)]!, amount }
      if (i % refundEvery === 0 && i / refundEvery < refundCount)
        book.refund = { no: `RF${seed}-${i}`, amount: i % 2 === 0 ? undefined : Math.ceil(amount / 3) }
      return book
    })
    const transfers: TransferBook[] = Array.from({ length: transferCount }, (_, i) => {
      const from = random(wallets.length)
      const to = (from + 1 + random(wallets.length - 1)) % wallets.length
      return {
        key: `transfer:${seed}:${i}`,
        memo: `chaos ${i}`,
        from: wallets[from]!,
        to: wallets[to]!,
        amount: 100 + random(1_900),
      }
    })

    async function pay(book: PaymentBook): Promise<void> {
      const input = {
        mode: 'qr' as const,
        merchantOrderNo: book.no,
        amount: book.amount,
        description: `chaos ${book.no}`,
        notifyUrl: receiver.url,
      }
      // 1. The merchant creates the order; an unknown outcome is settled by merchant order number.
      const created = await persist(
        'order create',
        () => merchant.orders.create(input, { idempotencyKey: `order:${book.no}` }),
        (error) => resolveOrder({ merchantOrderNo: String(error.details.merchantOrderNo) }),
      )
      // 2. The holder pays it: one idempotency key for every attempt; unknown → look the order up.
      const key = `pay:${book.no}`
      book.order = await persist(
        'payment',
        () =>
          // No limits precheck (the gateway enforces the caps anyway): it reads a wallet many payments
          // share, so which payment's read drew which fault would follow the interleaving.
          holder.payments.pay(
            { orderId: created.id, walletId: book.walletId, amount: book.amount, precheck: false },
            { idempotencyKey: key },
          ),
        async () => {
          const current = await persist('payment lookup', () =>
            merchant.orders.getByMerchantOrderNo({ merchantOrderNo: book.no }),
          )
          return current.status === 'succeeded' ? current : undefined // not paid yet → pay again, same key
        },
      )
      if (book.order.status === 'succeeded') {
        move(book.walletId, -book.order.paidAmount)
        move(settlementWalletId, book.order.paidAmount)
      }
      // 3. Some payments are refunded, in full or in part, by merchant refund number.
      const refund = book.refund
      if (refund && book.order.status === 'succeeded') {
        // A full refund names its amount: without it the SDK first reads the order by its id, which
        // the rails assign in arrival order, so that read's faults would follow the interleaving.
        const amount = refund.amount ?? book.order.paidAmount
        refund.result = await persist('refund', () =>
          merchant.refunds.create({ orderId: created.id, merchantRefundNo: refund.no, amount }),
        )
        if (refund.result.status === 'succeeded') {
          move(settlementWalletId, -refund.result.amount)
          move(book.walletId, refund.result.amount)
        }
      }
    }

    async function send(book: TransferBook): Promise<void> {
      book.result = await persist('transfer', () =>
        holder.transfers.create(
          { fromWalletId: book.from, toWalletId: book.to, amount: book.amount, memo: book.memo },
          { idempotencyKey: book.key },
        ),
      )
      if (book.result.status === 'succeeded') {
        move(book.from, -book.amount)
        move(book.to, book.amount)
      }
    }

    // Payments and transfers interleaved, at most `concurrency` logical operations in flight.
    const work: Array<() => Promise<void>> = []
    for (let i = 0, t = 0; i < payments.length || t < transfers.length; i++) {
      if (i < payments.length) work.push(() => pay(payments[i]!))
      if (i % 2 === 0 && t < transfers.length) {
        const transfer = transfers[t++]!
        work.push(() => send(transfer))
      }
    }
    const failures = await runPool(work, concurrency, (done) => {
      if (done % 500 === 0) print(`  … ${done}/${work.length} logical operations final`)
    })
    count('operations that threw', failures.length)
    for (const failure of failures.slice(0, 3)) print(`  failed: ${String(failure)}`)

    // --- quiet: no more faults; let every notification out, in rounds, on the rails' clock ---------
    sandbox.rails.faults.set({})
    const outbox = sandbox.rails.notifications
    outbox.stopAutomatic()
    await outbox.idle()
    for (let round = 0; outbox.pendingCount() > 0; round++) {
      if (round >= 100)
        throw new Error(`${outbox.pendingCount()} notifications still pending after 100 rounds`)
      const report = await outbox.deliverDue()
      if (report.attempted === 0)
        sandbox.rails.clock.advance(15_000) // to the next retry, not a real wait
      else if (report.failed > 0) count('notification deliveries failed, retried', report.failed)
    }

    options.sabotage?.(
      sandbox.rails,
      payments.flatMap((book) => (book.order?.status === 'succeeded' ? [book.order.id] : [])),
    )

    // --- the books -----------------------------------------------------------------------------------
    const occurrences = historyCounter(engine, [...wallets, settlementWalletId])

    const transfersOf = new Map<string, Transfer[]>()
    for (const walletId of wallets) {
      const items: Transfer[] = []
      let cursor: string | null | undefined
      do {
        const page = engine.listWalletTransfers(walletId, { limit: 100, cursor })
        items.push(...(page.data as Transfer[]))
        cursor = page.nextCursor
      } while (cursor)
      transfersOf.set(walletId, items)
    }

    let duplicates = 0
    let lost = 0
    for (const book of payments) {
      const onRails = engine.findOrderByMerchantOrderNo(sandbox.merchantId, book.no)
      const debits = onRails ? occurrences(book.walletId, 'payment', onRails.id as string) : 0
      if (debits > 1) duplicates += debits - 1
      const refundedOnRails = book.refund?.result
        ? occurrences(book.walletId, 'refund', book.refund.result.id)
        : 0
      if (refundedOnRails > 1) duplicates += refundedOnRails - 1
      // Final, and agreed on: the SDK saw it paid (and refunded) exactly as the rails have it.
      const expectedStatus =
        book.order?.status !== 'succeeded'
          ? book.order?.status
          : book.refund?.result
            ? book.refund.result.amount === book.order.amount
              ? 'refunded'
              : 'partially_refunded'
            : 'succeeded'
      const agreed =
        onRails !== undefined &&
        book.order?.id === onRails.id &&
        onRails.status === expectedStatus &&
        debits === (book.order?.status === 'succeeded' ? 1 : 0) &&
        (!book.refund || (book.refund.result?.status === 'succeeded' && refundedOnRails === 1))
      if (!agreed) lost++
    }
    for (const book of transfers) {
      const made = (transfersOf.get(book.from) ?? []).filter((item) => item.memo === book.memo)
      if (made.length > 1) duplicates += made.length - 1
      const agreed =
        made.length === 1 && book.result?.id === made[0]!.id && book.result.status === made[0]!.status
      if (!agreed) lost++
    }

    const { total: ledgerTotal, drift: ledgerDriftFen } = ledgerDrift(engine, ledger, expected)

    // Notifications: every event the rails delivered was applied exactly once, and nothing else.
    const records = sandbox.rails.notifications.list()
    const deliveredIds = new Set(
      records.filter((record) => record.status === 'delivered').map((record) => record.id),
    )
    let notificationMisapplied = records.length - deliveredIds.size
    for (const id of deliveredIds) if (receiver.applied.get(id) !== 1) notificationMisapplied++
    for (const id of receiver.applied.keys()) if (!deliveredIds.has(id)) notificationMisapplied++
    // The merchant's notification-fed book matches the rails: each paid order and refund once.
    const paidOnRails = payments.filter((book) => book.order?.status === 'succeeded')
    for (const book of paidOnRails) if (merchantBook.paid.get(book.no) !== 1) notificationMisapplied++
    for (const book of payments)
      if (book.refund?.result && merchantBook.refunded.get(book.refund.no) !== 1) notificationMisapplied++
    const receivedDuplicates = receiver.log.filter((entry) => entry.outcome === 'duplicate').length
    const rejected = receiver.log.filter((entry) => entry.outcome === 'rejected').length

    const faultTotal =
      (counts['http 429'] ?? 0) + (counts['http 503'] ?? 0) + (counts['http dropped after commit'] ?? 0)
    const httpTotal = faultTotal + (counts['http answered'] ?? 0)
    const rows: Array<[string, string | number]> = [
      ['seed (replay: CHAOS_SEED=…)', seed],
      ['payments (logical)', paymentCount],
      ['refunds (logical)', payments.filter((book) => book.refund?.result).length],
      ['transfers (logical)', transferCount],
      ['HTTP requests to the gateway', httpTotal],
      ['  injected 429 (Retry-After)', counts['http 429'] ?? 0],
      ['  injected 503', counts['http 503'] ?? 0],
      ['  injected drop after commit', counts['http dropped after commit'] ?? 0],
      ['  share of requests faulted', `${((100 * faultTotal) / Math.max(httpTotal, 1)).toFixed(1)} %`],
      ...Object.entries(counts)
        .filter(([name]) => !name.startsWith('http'))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, value]): [string, number] => [name, value]),
      ['notifications delivered', deliveredIds.size],
      ['  duplicate deliveries recognised (not applied)', receivedDuplicates],
      ['  refused by the receiver', rejected],
      ['  effects applied by the merchant', merchantBook.effects],
      ['duplicate charges / transfers / refunds', duplicates],
      ['lost operations', lost],
      ['ledger total (fen, must be 0)', ledgerTotal],
      ['ledger drift (fen)', ledgerDriftFen],
      ['notification effects not applied exactly once', notificationMisapplied],
      ['wall time (s)', ((performance.now() - started) / 1000).toFixed(1)],
    ]
    const table = chaosTable('chaos run', rows)
    print(table)

    return {
      duplicates,
      lost: lost + failures.length,
      ledgerDriftFen,
      notificationMisapplied,
      counts: {
        ...counts,
        duplicateDeliveries: receivedDuplicates,
        notifications: deliveredIds.size,
        httpTotal,
        faultTotal,
      },
      table,
      wallSeconds: (performance.now() - started) / 1000,
    }
  } finally {
    sandbox.rails.faults.set({})
    await receiver.close()
    await sandbox.close()
  }
}
