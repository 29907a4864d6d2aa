/**
 * `pnpm bench transport`: what the SDK costs on the client side of one call.
 *
 * `call_overhead_ratio` = time of a signed `client.payments.get({ orderId })` (the holder's `getOrder`:
 * input validation, request signing, the HTTP round trip, response verification over the raw bytes,
 * zod validation) ÷ time of a bare axios GET of the same URL, both over keep-alive loopback to the
 * sandbox running in its own child process (so the server's CPU is not the client's).
 *
 * Equal server work, by construction: the baseline GET is not a different route. It is the same
 * `GET /v1/orders/{id}` carrying an `Ecny-Signature` header that this process signed *before the timed
 * round started* (one fresh signature per call, each with its own `jti`, because the sandbox's replay
 * protection stays on). The sandbox therefore runs the identical path for both clients — verify the
 * request signature, remember the nonce, look the order up, sign the response — and returns the same
 * bytes (checked below). The only difference left is client-side: the SDK validates its input, signs
 * (ES256 via WebCrypto), hashes, verifies the response signature and the body digest, and validates
 * the JSON with zod, while the baseline only sends a pre-made header and JSON-parses the reply. No
 * bench-only route in `@ecny/mock-rails` is needed.
 *
 * Method: both clients use their own keep-alive agent with one socket; warm-up first; then rounds
 * of `callsPerRound` sequential calls each, alternating which client goes first (A B, B A, …) so slow
 * drift of a shared, noisy machine hits both alike. Reported: the median over rounds of the per-round
 * ratio, and the medians of the per-call times.
 */

import { type ChildProcess, spawn } from 'node:child_process'
import { Agent } from 'node:http'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createClient, createKeySigner } from '@ecny/sdk-core'
import { signRequest } from '@ecny/sdk-core/internal'
// axios is a dependency of @ecny/sdk-core, not of the repo root: import the very copy the SDK uses.
import axios from '../packages/sdk-core/node_modules/axios/index.js'

// Short rounds, many of them: on a shared machine the load changes within seconds, and a ratio taken
// over two adjacent short rounds cancels most of it.
const rounds = 60
const callsPerRound = 30
const warmupCalls = 300

type Ready = {
  url: string
  appId: string
  privateKey: Record<string, unknown>
  orderId: string
}

/** Child-process side: the sandbox with one paid order, its coordinates printed as one JSON line. */
async function serveSandbox(): Promise<void> {
  const { startSandbox } = await import('@ecny/mock-rails')
  const sandbox = await startSandbox({ seed: 1, log: false })
  const { engine } = sandbox.rails
  const wallet = engine.openWallet({ level: 'WL04', mobile: '13800001111' })
  engine.topUp(wallet.id, { amount: 100_000, bankCard: '6222020000000007' })
  const order = engine.createOrder({
    merchantId: sandbox.merchantId,
    merchantOrderNo: 'BENCH-1',
    amount: 1_250,
    description: '基准测试 latte',
    mode: 'qr',
  })
  engine.payOrder(order.id, { walletId: wallet.id })
  const ready: Ready = {
    url: sandbox.url,
    appId: sandbox.credentials.appId,
    privateKey: sandbox.credentials.privateKey as Record<string, unknown>,
    orderId: order.id,
  }
  process.stdout.write(`${JSON.stringify({ ready })}\n`)
  // Stops when the parent closes our stdin (or dies).
  process.stdin.resume()
  process.stdin.on('end', () => {
    void sandbox.close().then(() => process.exit(0))
  })
}

function startChild(): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, ECNY_BENCH_ROLE: 'sandbox' },
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { ready?: Ready }
        if (parsed.ready) resolve({ child, ready: parsed.ready })
      } catch {
        // not ours
      }
    })
    child.once('exit', (code) => reject(new Error(`sandbox child exited early (${code})`)))
  })
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export async function run(): Promise<Record<string, number>> {
  const { child, ready } = await startChild()
  try {
    const credentials = { appId: ready.appId, privateKey: ready.privateKey }
    const sdk = createClient({
      baseUrl: ready.url,
      credentials,
      axios: axios.create({ httpAgent: new Agent({ keepAlive: true, maxSockets: 1 }) }),
      logLevel: 'silent',
    })
    const bare = axios.create({ httpAgent: new Agent({ keepAlive: true, maxSockets: 1 }) })
    const path = `/v1/orders/${ready.orderId}`
    const url = `${ready.url}${path}`
    const signer = await createKeySigner({ privateKey: credentials.privateKey })
    const empty = new Uint8Array()
    const presign = (count: number) =>
      Promise.all(
        Array.from({ length: count }, () =>
          signRequest(signer, { appId: ready.appId, method: 'GET', pathWithQuery: path, body: empty }),
        ),
      )

    async function sdkRound(count: number): Promise<number> {
      const started = performance.now()
      for (let i = 0; i < count; i++) await sdk.payments.get({ orderId: ready.orderId })
      return (performance.now() - started) / count
    }
    async function bareRound(count: number): Promise<number> {
      const signatures = await presign(count) // untimed: the server-side work stays identical
      const started = performance.now()
      for (let i = 0; i < count; i++) await bare.get(url, { headers: { 'ecny-signature': signatures[i]! } })
      return (performance.now() - started) / count
    }

    // Same route, same bytes: the baseline receives exactly what the SDK verifies.
    const [signature] = await presign(1)
    const raw = await bare.get<ArrayBuffer>(url, {
      headers: { 'ecny-signature': signature! },
      responseType: 'arraybuffer',
    })
    const viaSdk = await sdk.payments.get({ orderId: ready.orderId })
    const viaBare = JSON.parse(Buffer.from(raw.data).toString('utf8')) as { id: string; status: string }
    if (raw.status !== 200 || viaBare.id !== viaSdk.id || viaBare.status !== viaSdk.status)
      throw new Error(`baseline and SDK disagree: HTTP ${raw.status}`)

    await sdkRound(warmupCalls)
    await bareRound(warmupCalls)

    const ratios: number[] = []
    const sdkTimes: number[] = []
    const bareTimes: number[] = []
    for (let round = 0; round < rounds; round++) {
      let sdkMs: number
      let bareMs: number
      if (round % 2 === 0) {
        sdkMs = await sdkRound(callsPerRound)
        bareMs = await bareRound(callsPerRound)
      } else {
        bareMs = await bareRound(callsPerRound)
        sdkMs = await sdkRound(callsPerRound)
      }
      ratios.push(sdkMs / bareMs)
      sdkTimes.push(sdkMs)
      bareTimes.push(bareMs)
    }
    const ratio = median(ratios)
    const sdkUs = median(sdkTimes) * 1000
    const bareUs = median(bareTimes) * 1000
    console.log(
      `transport: SDK payments.get ${Math.round(sdkUs)} µs/call, bare axios GET ${Math.round(bareUs)} µs/call ` +
        `(medians of ${rounds} rounds × ${callsPerRound}); ratio median ${ratio.toFixed(3)} ` +
        `[${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}] (target ≤ 1.8)`,
    )
    return {
      call_overhead_ratio: Number(ratio.toFixed(3)),
      call_overhead_sdk_us: Math.round(sdkUs),
      call_overhead_baseline_us: Math.round(bareUs),
    }
  } finally {
    child.stdin?.end()
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill()
        resolve()
      }, 3_000)
      child.once('exit', () => {
        clearTimeout(timer)
        resolve()
      })
    })
  }
}

if (process.env.ECNY_BENCH_ROLE === 'sandbox') await serveSandbox()
