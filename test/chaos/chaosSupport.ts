/**
 * What both chaos runs (`chaosRun.ts` over the reference door, `cmbChaosRun.ts` over the CMB door)
 * share: the seeded workload generator, the attempt budgets, driving a step to a final answer, and
 * the printed table. Nothing here reads the wall clock to decide anything.
 */
import type { Rails } from '@ecny/mock-rails'
import { EcnyError, type Order } from '@ecny/sdk-core'

/** Error codes of a call that may simply be tried again. */
export const transientCodes = new Set([
  'rate_limited',
  'service_unavailable',
  'gateway_error',
  'connection_error',
  'timeout',
  'request_in_progress',
])

/** A small seeded generator (xorshift32), so the same seed gives the same workload. */
export function seeded(seed: number) {
  let state = seed >>> 0 || 1
  return (max: number) => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) % max
  }
}

/** Lets other operations run between a failure and the next try; no wall-clock wait. */
export const yieldTurn = () => new Promise((resolve) => setImmediate(resolve))

/** Attempts per logical step before it counts as thrown, and later resolution jobs per order. */
export const maxRounds = 40
export const maxResolutionJobs = 20

/**
 * `persist(what, attempt, settle?)` runs `attempt` until it returns: after the SDK's own retries, a
 * transient failure is tried again and an unknown outcome goes to `settle` (which returns the
 * settled value, or `undefined` to try again); anything else is thrown. Each is tallied in `count`.
 */
export function createPersist(count: (name: string) => void) {
  return async function persist<T>(
    what: string,
    attempt: () => Promise<T>,
    settle?: (error: EcnyError) => Promise<T | undefined>,
  ): Promise<T> {
    for (let round = 0; ; round++) {
      try {
        return await attempt()
      } catch (error) {
        if (!(error instanceof EcnyError)) throw error
        if (error.code === 'result_unknown') count(`${what}: result_unknown settled`)
        else if (transientCodes.has(error.code) || error.retryable)
          count(`${what}: gave up after SDK retries, again`)
        else throw error
        if (round >= maxRounds) throw error
        const settled = error.code === 'result_unknown' && settle ? await settle(error) : undefined
        if (settled !== undefined) return settled
        await yieldTurn()
      }
    }
  }
}

/** Runs `work` with at most `concurrency` in flight; returns what threw. */
export async function runPool(
  work: Array<() => Promise<void>>,
  concurrency: number,
  progress?: (done: number) => void,
): Promise<unknown[]> {
  let next = 0
  let done = 0
  const failures: unknown[] = []
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < work.length) {
        const task = work[next++]!
        try {
          await task()
        } catch (error) {
          failures.push(error)
        }
        progress?.(++done)
      }
    }),
  )
  return failures
}

/** The run's figures as a Markdown table (for the CI log). */
export function chaosTable(title: string, rows: Array<[string, string | number]>): string {
  const width = Math.max(title.length, ...rows.map(([name]) => name.length))
  return [
    `| ${title.padEnd(width)} | value |`,
    `|${'-'.repeat(width + 2)}|-------|`,
    ...rows.map(([name, value]) => `| ${name.padEnd(width)} | ${value} |`),
  ].join('\n')
}

type Engine = Rails['engine']
type Ledger = Rails['ledger']

/**
 * Opens `count` WL04 wallets funded with `balance` fen each, before any fault, and the book of what
 * the SDK side expects every wallet to hold (`expected`, moved with `move`), the settlement wallet
 * included.
 */
export function fundWallets(
  engine: Engine,
  options: { mobilePrefix: string; settlementWalletId: string; count?: number; balance?: number },
) {
  const { mobilePrefix, settlementWalletId, count = 40, balance = 500_000 } = options
  const wallets = Array.from({ length: count }, (_, i) => {
    const wallet = engine.openWallet({
      level: 'WL04',
      mobile: `${mobilePrefix}${String(i).padStart(4, '0')}`,
    })
    engine.topUp(wallet.id, { amount: balance, bankCard: '6222020000000007' })
    return wallet.id as string
  })
  const expected = new Map<string, number>(wallets.map((id) => [id, balance]))
  expected.set(settlementWalletId, engine.getBalance(settlementWalletId).available)
  const move = (walletId: string, fen: number) => expected.set(walletId, (expected.get(walletId) ?? 0) + fen)
  return { wallets, expected, move }
}

/**
 * Settles an order create whose outcome is unknown, by merchant order number; a resolution that
 * could not reach the gateway is taken up again from its `details.resumeWith`, as a later job would.
 * `undefined` means not found: create again under the same number.
 */
export function createResolveOrder<P extends { merchantOrderNo: string }>(
  merchant: {
    orders: {
      resolveUnknownOutcome(
        parameters: P & { maxAttempts: number; pollIntervalMs: number },
      ): Promise<{ outcome: string; order?: Order | null }>
    }
  },
  count: (name: string) => void,
) {
  return async function resolveOrder(parameters: P): Promise<Order | undefined> {
    let resumeWith = parameters
    for (let job = 1; ; job++) {
      try {
        const settled = await merchant.orders.resolveUnknownOutcome({
          ...resumeWith,
          maxAttempts: 2,
          pollIntervalMs: 0,
        })
        count(`order create: resolved ${settled.outcome}`)
        return settled.order ?? undefined
      } catch (error) {
        const resumable = error instanceof EcnyError && error.code === 'result_unknown'
        if (!resumable || job >= maxResolutionJobs) throw error
        count('order create: resolution resumed by a later job')
        resumeWith = error.details.resumeWith as P
        await yieldTurn()
      }
    }
  }
}

/** How often each wallet's history holds an item of `kind` for `reference` (payments, refunds). */
export function historyCounter(engine: Engine, walletIds: string[]) {
  const history = new Map<string, Array<{ kind: string; reference: string | null }>>()
  for (const walletId of walletIds) {
    const items: Array<{ kind: string; reference: string | null }> = []
    let cursor: string | null | undefined
    do {
      const page = engine.listTransactions(walletId, { limit: 100, cursor })
      items.push(...(page.data as Array<{ kind: string; reference: string | null }>))
      cursor = page.nextCursor
    } while (cursor)
    history.set(walletId, items)
  }
  return (walletId: string, kind: string, reference: string) =>
    history.get(walletId)!.filter((item) => item.kind === kind && item.reference === reference).length
}

/** |ledger total| + Σ over the expected wallets |expected − balance on the rails|, in fen. */
export function ledgerDrift(engine: Engine, ledger: Ledger, expected: Map<string, number>) {
  const verification = ledger.verify()
  let drift = Math.abs(verification.total)
  for (const [walletId, fen] of expected) drift += Math.abs(engine.getBalance(walletId).available - fen)
  return { total: verification.total, drift }
}

/** A refund the SDK side never asked for, made on the rails directly: the self-tests' sabotage. */
export function refundBehindTheSdksBack(rails: Rails, orderIds: string[]) {
  const victim = orderIds.find((id) => rails.engine.getOrder(id).refundedAmount === 0)!
  rails.engine.createRefund(victim, { merchantRefundNo: `SABOTAGE-${victim}`, amount: 1 })
}
