/**
 * The chaos run over the CMB 聚合收单 door (`startSandbox({ dialect: 'cmb' })`): a merchant on
 * `createMerchantClient({ operator: cmb(...) })` creates QR orders, queries them and refunds some,
 * every call an SM2-signed CMB envelope over real HTTP on 127.0.0.1, while the sandbox injects the
 * same seeded faults as in `chaosRun.ts` (429 with Retry-After, 503, answers dropped after the door
 * applied the call) into the CMB door and the holders' payments alike. CMB's form notifications go
 * to a receiver that verifies them with the gateway key, applies each event once (replay store) and
 * answers with the signed ack.
 *
 * Each logical operation is driven to a final state the way docs/operators/cmb.md says: an unknown
 * outcome (`SYSTERM_ERROR`, no answer) is settled by querying the merchant order number
 * (`orders.resolveUnknownOutcome`; `not_found` → create again under the same number); a refund is
 * retried under the same merchant refund number. Then the books are checked against the rails as in
 * the reference run: each payment debited once and each refund credited once (duplicates), every
 * operation final and agreed on (lost), the ledger conserved and every wallet exactly as expected
 * (drift), every notification applied exactly once.
 *
 * Replays exactly: the CMB merchant's APP ID and merId derive from the seed (the door draws its
 * faults from APP ID, endpoint and merchant number), and so does every number and key, so a seed
 * gives each request the same faults whatever the interleaving. No wall-clock time decides anything.
 */

import { Agent, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type FaultOptions, type Rails, seedCmbMerchant, startSandbox } from '@ecny/mock-rails'
import { cmb } from '@ecny/operator-cmb'
import { createClient, type Order, type Refund } from '@ecny/sdk-core'
import {
  createMemoryReplayStore,
  createMerchantClient,
  createNodeNotificationHandler,
} from '@ecny/sdk-merchant'
import axios from '../../packages/sdk-core/node_modules/axios/index.js'
import { chaosFaults } from './chaosRun.js'
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

export type CmbChaosOptions = {
  seed?: number
  payments?: number
  /** Refunds, spread over the payments (at most one per payment). */
  refunds?: number
  /** Logical operations in flight at once. */
  concurrency?: number
  faults?: FaultOptions
  maxRetries?: number
  print?: (line: string) => void
  /** Changes the rails behind the SDK's back before the books are checked (the self-test). */
  sabotage?: (rails: Rails, paidOrderIds: string[]) => void
}

export type CmbChaosReport = {
  duplicates: number
  lost: number
  ledgerDriftFen: number
  notificationMisapplied: number
  counts: Record<string, number>
  /** What the gateway saw: requests per door, endpoint and outcome (a seed's alone). */
  gatewayTally: Record<string, number>
  table: string
  wallSeconds: number
}

/** `POST /polypay/v1.0/mchorders/refund 200 3ms …` → `cmb refund answered`; ids in reference paths masked. */
function tallyKey(line: string): string {
  const [method, path = '?', status] = line.split(' ')
  const outcome = line.includes(' dropped ')
    ? 'dropped'
    : status === '429' || status === '503'
      ? status
      : 'answered'
  const cmbEndpoint = /^\/polypay\/v1\.0\/mchorders\/(.+)$/.exec(path)?.[1]
  if (cmbEndpoint) return `cmb ${cmbEndpoint} ${outcome}`
  return `reference ${method} ${path.replace(/\/(ord|wal|rfd|pc)_[^/]+/g, '/{id}').replace(/\d{6}\*+\d{4}/g, '{wallet}')} ${outcome}`
}

export async function runCmbChaos(options: CmbChaosOptions = {}): Promise<CmbChaosReport> {
  const started = performance.now()
  const seed = options.seed ?? 2024
  const paymentCount = options.payments ?? 120
  const refundCount = Math.min(options.refunds ?? 24, paymentCount)
  const concurrency = options.concurrency ?? 32
  const maxRetries = options.maxRetries ?? 3
  const print = options.print ?? (() => {})
  const random = seeded(seed ^ 0x434d42) // 'CMB': another workload than the reference run's
  const counts: Record<string, number> = {}
  const count = (name: string, by = 1) => {
    counts[name] = (counts[name] ?? 0) + by
  }
  const gatewayTally: Record<string, number> = {}

  const sandbox = await startSandbox({
    seed,
    dialect: 'cmb',
    // The door's automatic rounds overlap when one outlasts the interval (a notification still in
    // flight goes out again); 200 ms keeps that storm small. The verdict does not depend on it.
    notificationIntervalMs: 200,
    log: (line) => {
      const key = tallyKey(line)
      gatewayTally[key] = (gatewayTally[key] ?? 0) + 1
    },
  })
  // A merchant whose APP ID and merId come from the seed: the door's fault draws depend on them.
  const credentials = seedCmbMerchant(sandbox.rails, sandbox.cmb!.door, {
    legalName: '混沌测试招行商户有限公司',
    appId: `chaos-${seed}`,
    merId: `3089991${String(seed).padStart(10, '0')}`,
  })
  const operator = cmb({ ...credentials, environment: sandbox.url })

  // --- the merchant's notify endpoint ----------------------------------------------------------------
  const replayStore = createMemoryReplayStore({ maxEntries: 1_000_000 })
  const applied = new Map<string, number>()
  const book = { paid: new Map<string, number>(), refunded: new Map<string, number>() }
  let repeats = 0
  let refused = 0
  // The SDK's node:http handler with the CMB operator: verify, claim in the replay store, apply, signed ack.
  const receive = createNodeNotificationHandler({
    operator,
    replayStore,
    handle: (event) => {
      applied.set(event.id, (applied.get(event.id) ?? 0) + 1)
      const data = event.data as { merchantOrderNo?: string; merchantRefundNo?: string }
      if (event.type === 'order.succeeded' && data.merchantOrderNo)
        book.paid.set(data.merchantOrderNo, (book.paid.get(data.merchantOrderNo) ?? 0) + 1)
      if (event.type === 'refund.succeeded' && data.merchantRefundNo)
        book.refunded.set(data.merchantRefundNo, (book.refunded.get(data.merchantRefundNo) ?? 0) + 1)
    },
    onAnswer: (answer) => {
      if (answer.outcome === 'duplicate' || answer.outcome === 'in_progress') repeats++
      else if (answer.outcome === 'rejected') refused++
    },
  })
  const receiver = createServer((req, res) => void receive(req, res))
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  const notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/cmb/notify`

  try {
    const { engine, ledger } = sandbox.rails
    const settlementWalletId = engine.getMerchant(credentials.merchantId).settlementWalletId as string

    // --- setup, before any fault: 40 funded WL04 wallets ---------------------------------------------
    const { wallets, expected, move } = fundWallets(engine, { mobilePrefix: '1390200', settlementWalletId })

    const http = () => axios.create({ httpAgent: new Agent({ keepAlive: true, maxSockets: concurrency }) })
    const merchant = createMerchantClient({ operator, maxRetries, logLevel: 'silent', axios: http() })
    const holder = createClient({
      baseUrl: sandbox.url,
      credentials: sandbox.credentials,
      maxRetries,
      logLevel: 'silent',
      axios: http(),
    })

    sandbox.rails.faults.set(options.faults ?? chaosFaults)
    const persist = createPersist(count)
    const resolveOrder = createResolveOrder<{ merchantOrderNo: string }>(merchant, count)

    // --- the logical operations ----------------------------------------------------------------------
    type PaymentBook = {
      no: string
      walletId: string
      amount: number
      /** The rails' order id (CMB's `cmbOrderId`), from the create answer or the query settling it. */
      railsOrderId?: string
      paidAmount?: number
      refund?: { no: string; amount: number; result?: Refund }
    }
    const refundEvery = refundCount > 0 ? Math.floor(paymentCount / refundCount) : Number.POSITIVE_INFINITY
    const payments: PaymentBook[] = Array.from({ length: paymentCount }, (_, i) => {
      const amount = 100 + random(4_900)
      const entry: PaymentBook = { no: `CMB${seed}X${i}`, walletId: wallets[random(wallets.length)]!, amount }
      if (i % refundEvery === 0 && i / refundEvery < refundCount)
        entry.refund = { no: `CMB${seed}R${i}`, amount: i % 2 === 0 ? amount : Math.ceil(amount / 3) }
      return entry
    })
    const railsIdOf = (order: Order) => String((order as { cmbOrderId?: string }).cmbOrderId)

    async function pay(entry: PaymentBook): Promise<void> {
      // 1. The merchant creates the QR order at CMB (ecny/unifiedOrder).
      const created = await persist(
        'order create',
        () =>
          merchant.orders.create({
            mode: 'qr',
            merchantOrderNo: entry.no,
            amount: entry.amount,
            description: `chaos ${entry.no}`,
            notifyUrl,
          }),
        () => resolveOrder({ merchantOrderNo: entry.no }),
      )
      entry.railsOrderId = railsIdOf(created)
      // 2. The customer's wallet pays it (reference wallet API, one idempotency key for every try);
      //    unknown → the merchant queries CMB by its order number.
      const paid = await persist(
        'payment',
        () =>
          holder.payments.pay(
            { orderId: entry.railsOrderId!, walletId: entry.walletId, amount: entry.amount, precheck: false },
            { idempotencyKey: `pay:${entry.no}` },
          ),
        async () => {
          const current = await persist('payment lookup', () =>
            merchant.orders.getByMerchantOrderNo({ merchantOrderNo: entry.no }),
          )
          return current.status === 'succeeded' ? current : undefined
        },
      )
      if (paid.status !== 'succeeded') return
      entry.paidAmount = paid.paidAmount
      move(entry.walletId, -paid.paidAmount)
      move(settlementWalletId, paid.paidAmount)
      // 3. Some are refunded, in full or in part, under one merchant refund number (CMB refund).
      const refund = entry.refund
      if (!refund) return
      refund.result = await persist('refund', () =>
        merchant.refunds.create({ orderId: entry.no, merchantRefundNo: refund.no, amount: refund.amount }),
      )
      if (refund.result.status === 'succeeded') {
        move(settlementWalletId, -refund.result.amount)
        move(entry.walletId, refund.result.amount)
      }
    }

    const failures = await runPool(
      payments.map((entry) => () => pay(entry)),
      concurrency,
    )
    count('operations that threw', failures.length)
    for (const failure of failures.slice(0, 3)) print(`  failed: ${String(failure)}`)

    // --- quiet: no more faults; let every notification out, in rounds, on the rails' clock ---------
    sandbox.rails.faults.set({})
    const outbox = sandbox.cmb!.door.notifications
    outbox.stopAutomatic()
    const pendingRecords = () => outbox.list().filter((record) => record.status === 'pending')
    for (let round = 0; round === 0 || pendingRecords().length > 0; round++) {
      if (round >= 100)
        throw new Error(`${pendingRecords().length} CMB notifications still pending after 100 rounds`)
      const report = await outbox.deliverDue()
      if (report.attempted === 0) {
        // to the next retry on CMB's schedule (15 s … 1 h), not a real wait
        const next = Math.min(...pendingRecords().map((record) => record.nextAttemptAt ?? 0))
        sandbox.rails.clock.advance(Math.max(next - sandbox.rails.clock.now(), 0) + 1)
      } else if (report.delivered < report.attempted)
        count('notification deliveries failed, retried', report.attempted - report.delivered)
    }

    options.sabotage?.(
      sandbox.rails,
      payments.flatMap((entry) => (entry.paidAmount !== undefined ? [entry.railsOrderId!] : [])),
    )

    // --- the books -----------------------------------------------------------------------------------
    const occurrences = historyCounter(engine, wallets)

    let duplicates = 0
    let lost = 0
    for (const entry of payments) {
      const onRails = engine.findOrderByMerchantOrderNo(credentials.merchantId, entry.no) as Order | undefined
      const debits = onRails ? occurrences(entry.walletId, 'payment', onRails.id) : 0
      if (debits > 1) duplicates += debits - 1
      const railsRefundId = (entry.refund?.result as { cmbRefundId?: string } | undefined)?.cmbRefundId
      const credits = railsRefundId ? occurrences(entry.walletId, 'refund', railsRefundId) : 0
      if (credits > 1) duplicates += credits - 1
      const expectedStatus =
        entry.paidAmount === undefined
          ? undefined
          : entry.refund?.result
            ? entry.refund.result.amount === entry.amount
              ? 'refunded'
              : 'partially_refunded'
            : 'succeeded'
      const agreed =
        onRails !== undefined &&
        entry.railsOrderId === onRails.id &&
        onRails.status === expectedStatus &&
        debits === 1 &&
        (!entry.refund || (entry.refund.result?.status === 'succeeded' && credits === 1))
      if (!agreed) lost++
    }

    const { total: ledgerTotal, drift: ledgerDriftFen } = ledgerDrift(engine, ledger, expected)

    // Notifications: every one the door delivered was applied exactly once, and each paid order and
    // refund reached the merchant's book exactly once.
    const records = outbox.list()
    let notificationMisapplied = records.filter((record) => record.status !== 'delivered').length
    for (const [, times] of applied) if (times !== 1) notificationMisapplied++
    for (const entry of payments) {
      if (entry.paidAmount !== undefined && book.paid.get(entry.no) !== 1) notificationMisapplied++
      if (entry.refund?.result && book.refunded.get(entry.refund.no) !== 1) notificationMisapplied++
    }
    if (applied.size !== records.length) notificationMisapplied += Math.abs(applied.size - records.length)

    const sum = (match: (key: string) => boolean) =>
      Object.entries(gatewayTally)
        .filter(([key]) => match(key))
        .reduce((total, [, n]) => total + n, 0)
    const cmbRequests = sum((key) => key.startsWith('cmb '))
    const cmbFaults = sum((key) => key.startsWith('cmb ') && !key.endsWith(' answered'))
    const rows: Array<[string, string | number]> = [
      ['seed (replay: CHAOS_SEED=…)', seed],
      ['payments (logical)', paymentCount],
      ['refunds (logical)', payments.filter((entry) => entry.refund?.result).length],
      ['HTTP requests to the CMB door', cmbRequests],
      ['  injected 429 (Retry-After)', sum((key) => key.startsWith('cmb ') && key.endsWith(' 429'))],
      ['  injected 503', sum((key) => key.startsWith('cmb ') && key.endsWith(' 503'))],
      ['  injected drop after commit', sum((key) => key.startsWith('cmb ') && key.endsWith(' dropped'))],
      ['  share faulted', `${((100 * cmbFaults) / Math.max(cmbRequests, 1)).toFixed(1)} %`],
      ['HTTP requests to the wallet side (reference door)', sum((key) => key.startsWith('reference '))],
      ...Object.entries(counts)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, value]): [string, number] => [name, value]),
      ['CMB notifications delivered', records.filter((record) => record.status === 'delivered').length],
      ['  repeats recognised (not applied)', repeats],
      ['  refused by the receiver', refused],
      ['duplicate charges / refunds', duplicates],
      ['lost operations', lost],
      ['ledger total (fen, must be 0)', ledgerTotal],
      ['ledger drift (fen)', ledgerDriftFen],
      ['notification effects not applied exactly once', notificationMisapplied],
      ['wall time (s)', ((performance.now() - started) / 1000).toFixed(1)],
    ]
    const table = chaosTable('chaos run, CMB door', rows)
    print(table)
    return {
      duplicates,
      lost: lost + failures.length,
      ledgerDriftFen,
      notificationMisapplied,
      counts: { ...counts, cmbRequests, cmbFaults },
      gatewayTally,
      table,
      wallSeconds: (performance.now() - started) / 1000,
    }
  } finally {
    sandbox.rails.faults.set({})
    await new Promise<void>((resolve) => {
      receiver.close(() => resolve())
      receiver.closeAllConnections()
    })
    await sandbox.close()
  }
}
