/**
 * `pnpm bench sm2`: SM2 through `@ecny/operator-cmb` against `openssl speed sm2` on the same machine.
 *
 * `sm2_sign_ratio` = sm2Sign/s ÷ OpenSSL sign/s (target ≥ 0.4); `sm2_verify_ratio` = verifications/s with
 * `createSm2Verifier` for one fixed gateway key ÷ OpenSSL verify/s (target ≥ 0.3). A merchant verifies
 * every response and notification with CMB's one key, so that is the case that counts. Each round runs
 * `openssl speed -seconds 2 sm2` and the SDK for the same 2 s per operation, alternating which goes
 * first; the ratios are medians over the rounds (`SM2_BENCH_ROUNDS`, default 3), so load that comes and
 * goes on a shared machine hits both sides alike. Both sides divide by user CPU time, as `openssl speed`
 * does unless given `-elapsed`: wall time on a loaded machine would measure the load. SM3 and SM4
 * throughput over 1 KiB inputs are printed for orientation.
 */
import { execFileSync } from 'node:child_process'
import {
  createSm2Verifier,
  sm2PublicKeyFromPrivateKey,
  sm2Sign,
  sm2Verify,
  sm3,
  sm4EncryptCbc,
} from '@ecny/operator-cmb'

const seconds = 2
const roundCount = Number(process.env.SM2_BENCH_ROUNDS ?? 3)
const privateKey = 'D5F2AFA24E6BA9071B54A8C9AD735F9A1DE9C4657FA386C09B592694BC118B38'
const message =
  'biz_content={"orderId":"20261202000001","notifyUrl":"https:\\/\\/shop.example\\/cmb\\/notify","merId":"308111111111111",' +
  '"payValidTime":"1200","body":"基准测试 latte","txnAmt":"1250","tradeScene":"OFFLINE"}' +
  '&encoding=UTF-8&signMethod=02&version=0.0.1'

/** sign/s and verify/s from `openssl speed -seconds N sm2`. */
function opensslSpeed(): { sign: number; verify: number } {
  const out = execFileSync('openssl', ['speed', '-seconds', String(seconds), 'sm2'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  const line = out.split('\n').find((row) => /SM2 \(CurveSM2\)/.test(row))
  const figures = line?.trim().split(/\s+/).slice(-2).map(Number)
  if (!figures || figures.some((value) => !Number.isFinite(value)))
    throw new Error(`cannot parse openssl speed:\n${out}`)
  return { sign: figures[0]!, verify: figures[1]! }
}

/**
 * Calls `fn` for `durationMs` of wall time and returns calls per second of this process's user CPU
 * time — the divisor `openssl speed` uses by default — so a loaded machine slows neither side's figure.
 */
function perSecond(fn: () => unknown, durationMs: number): number {
  let count = 0
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  while (performance.now() - started < durationMs) {
    for (let i = 0; i < 16; i++) fn()
    count += 16
  }
  return count / (process.cpuUsage(cpuStarted).user / 1e6)
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

export async function run(): Promise<Record<string, number>> {
  const publicKey = sm2PublicKeyFromPrivateKey(privateKey)
  const verify = createSm2Verifier(publicKey)
  const signature = sm2Sign(message, privateKey)
  if (!verify(message, signature) || !sm2Verify(message, signature, publicKey))
    throw new Error('SM2 round trip failed')
  perSecond(() => sm2Sign(message, privateKey), 300) // warm-up (JIT, key cache)
  perSecond(() => verify(message, signature), 300)

  const rounds: Array<{ openssl: { sign: number; verify: number }; sign: number; verify: number }> = []
  for (let round = 0; round < roundCount; round++) {
    const sdk = () => ({
      sign: perSecond(() => sm2Sign(message, privateKey), seconds * 1000),
      verify: perSecond(() => verify(message, signature), seconds * 1000),
    })
    if (round % 2 === 0) {
      const openssl = opensslSpeed()
      rounds.push({ openssl, ...sdk() })
    } else {
      const measured = sdk()
      rounds.push({ openssl: opensslSpeed(), ...measured })
    }
  }
  const plainVerify = perSecond(() => sm2Verify(message, signature, publicKey), 1000)
  const signRatio = median(rounds.map((r) => r.sign / r.openssl.sign))
  const verifyRatio = median(rounds.map((r) => r.verify / r.openssl.verify))
  const sign = median(rounds.map((r) => r.sign))
  const fixedKeyVerify = median(rounds.map((r) => r.verify))
  const openssl = {
    sign: median(rounds.map((r) => r.openssl.sign)),
    verify: median(rounds.map((r) => r.openssl.verify)),
  }

  const kib = new Uint8Array(1024).map((_, i) => i & 0xff)
  const sm3MiBs = perSecond(() => sm3(kib), 500) / 1024
  const sm4MiBs = perSecond(() => sm4EncryptCbc(kib, '1234567890123456'), 500) / 1024

  console.log(
    `sm2: openssl speed ${Math.round(openssl.sign)} sign/s, ${Math.round(openssl.verify)} verify/s ` +
      `(medians of ${roundCount} rounds)\n` +
      `     SDK sm2Sign ${Math.round(sign)}/s → median ratio ${signRatio.toFixed(2)} [${rounds.map((r) => (r.sign / r.openssl.sign).toFixed(2)).join(', ')}] (target ≥ 0.4)\n` +
      `     SDK createSm2Verifier (fixed key) ${Math.round(fixedKeyVerify)}/s → median ratio ${verifyRatio.toFixed(2)} [${rounds.map((r) => (r.verify / r.openssl.verify).toFixed(2)).join(', ')}] (target ≥ 0.3); ` +
      `sm2Verify without a window table ${Math.round(plainVerify)}/s\n` +
      `     sm3 ${sm3MiBs.toFixed(1)} MiB/s, sm4EncryptCbc ${sm4MiBs.toFixed(1)} MiB/s (1 KiB inputs, base64 out)`,
  )
  return {
    sm2_sign_ratio: Number(signRatio.toFixed(3)),
    sm2_verify_ratio: Number(verifyRatio.toFixed(3)),
    sm2_sign_per_s: Math.round(sign),
    sm2_verify_fixed_key_per_s: Math.round(fixedKeyVerify),
    sm2_verify_plain_per_s: Math.round(plainVerify),
    sm2_openssl_sign_per_s: Math.round(openssl.sign),
    sm2_openssl_verify_per_s: Math.round(openssl.verify),
    sm3_1kib_mib_per_s: Number(sm3MiBs.toFixed(1)),
    sm4_cbc_1kib_mib_per_s: Number(sm4MiBs.toFixed(1)),
  }
}
