/**
 * `pnpm bench sandboxState`: what a state file costs the sandbox per request.
 *
 * `sandbox_state_overhead_ratio` = time of one keyed payment request (`POST /v1/orders` then
 * `POST /v1/orders/{id}/pay`, each with an `Idempotency-Key`, signed, over loopback) against
 * `startSandbox({ state: file })` ÷ the same against an in-memory sandbox, both in this process.
 * With a state file every request ends in one SQLite transaction (WAL, `synchronous=FULL`, so the
 * answer waits for the disk's fsync) writing the records the request changed.
 * `sandbox_state_overhead_ratio_5k` is the same after 5,000 more payments were made on both: the
 * cost must stay per changed record, not grow with everything the sandbox holds.
 *
 * Method: rounds of `perRound` cycles, alternating which sandbox goes first; the median over rounds
 * of the per-round ratio. Absolute times on a shared machine are noise; the ratio is the figure.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { computeUsccCheckChar } from '@ecny/sdk-core/internal'
import { createSignedClient } from '@ecny/test-utils'

const perRound = 40
const rounds = 9
const preload = 5_000

type Rig = { sandbox: Sandbox; pay(n: string): Promise<void> }

async function rig(state?: string): Promise<Rig> {
  const sandbox = await startSandbox({ log: false, ...(state && { state }) })
  const uscc = `91310000MA9999997${computeUsccCheckChar('91310000MA9999997')}`
  const wallet = sandbox.rails.engine.openWallet({
    type: 'WT09',
    entity: { legalName: '基准测试付款公司', uscc },
    settlementAccount: { accountNo: '6100000000009997', accountName: '基准测试付款公司' },
  })
  sandbox.rails.engine.topUp(wallet.id, { amount: 1_000_000_000 })
  const client = createSignedClient({ ...sandbox.credentials, baseUrl: sandbox.url })
  return {
    sandbox,
    async pay(n) {
      const created = await client.call(
        'POST',
        '/v1/orders',
        { merchantOrderNo: n, amount: 100, description: 'bench', mode: 'qr' },
        { idempotencyKey: `c-${n}` },
      )
      const id = (created.json as { id: string }).id
      const paid = await client.call(
        'POST',
        `/v1/orders/${id}/pay`,
        { walletId: wallet.id },
        { idempotencyKey: `p-${n}` },
      )
      if (paid.status !== 200) throw new Error(`payment ${n}: ${paid.status} ${paid.text}`)
    },
  }
}

async function timed(rig: Rig, label: string): Promise<number> {
  const started = performance.now()
  for (let i = 0; i < perRound; i++) await rig.pay(`${label}-${i}`)
  return (performance.now() - started) / (perRound * 2)
}

async function ratio(
  memory: Rig,
  durable: Rig,
  tag: string,
): Promise<{ ratio: number; memoryMs: number; durableMs: number }> {
  await timed(memory, `${tag}-warm`)
  await timed(durable, `${tag}-warm`)
  const ratios: number[] = []
  const memoryTimes: number[] = []
  const durableTimes: number[] = []
  for (let round = 0; round < rounds; round++) {
    const first = round % 2 === 0
    const a = first ? await timed(memory, `${tag}-${round}`) : 0
    const b = await timed(durable, `${tag}-${round}`)
    const m = first ? a : await timed(memory, `${tag}-${round}`)
    ratios.push(b / m)
    memoryTimes.push(m)
    durableTimes.push(b)
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!
  return { ratio: median(ratios), memoryMs: median(memoryTimes), durableMs: median(durableTimes) }
}

function preloadPayments(rig: Rig) {
  const engine = rig.sandbox.rails.engine
  const uscc = `91310000MA9999996${computeUsccCheckChar('91310000MA9999996')}`
  const wallet = engine.openWallet({
    type: 'WT09',
    entity: { legalName: '预置付款公司', uscc },
    settlementAccount: { accountNo: '6100000000009996', accountName: '预置付款公司' },
  })
  engine.topUp(wallet.id, { amount: preload * 100 })
  for (let i = 0; i < preload; i++) {
    const order = engine.createOrder({
      merchantId: rig.sandbox.merchantId,
      merchantOrderNo: `PRE-${i}`,
      amount: 100,
      description: 'preload',
      mode: 'qr',
    })
    engine.payOrder(order.id, { walletId: wallet.id })
  }
}

export async function run(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'ecny-bench-state-'))
  const memory = await rig()
  const durable = await rig(join(dir, 'sandbox.db'))
  try {
    const small = await ratio(memory, durable, 'small')
    preloadPayments(memory)
    preloadPayments(durable)
    await durable.sandbox.flush()
    const large = await ratio(memory, durable, 'large')
    console.log(
      `sandbox state: in memory ${small.memoryMs.toFixed(2)} ms/request, with state file ${small.durableMs.toFixed(2)} ms (×${small.ratio.toFixed(2)}); after ${preload} more payments ${large.memoryMs.toFixed(2)} vs ${large.durableMs.toFixed(2)} ms (×${large.ratio.toFixed(2)})`,
    )
    return {
      sandbox_state_overhead_ratio: Number(small.ratio.toFixed(2)),
      sandbox_state_overhead_ratio_5k: Number(large.ratio.toFixed(2)),
    }
  } finally {
    await memory.sandbox.close()
    await durable.sandbox.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
