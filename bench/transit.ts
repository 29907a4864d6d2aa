/**
 * `pnpm bench transit`: a metro operator's day at volume. A child process (so its peak RSS is its
 * own: `process.resourceUsage().maxRSS`), bundled from the sources as a deployed process runs built
 * code (bench/_transitDay.ts), builds in-process rails with one transit line (20
 * stations, a distance fare table with a maximum fare), opens the riders' wallets, then streams
 * `TRANSIT_TRIPS` trips (1,000,000 by default): each priced by the line's fare table and uploaded in
 * tap batches of 500 for deferred debit (`merchantDomain.uploadTapBatch`: registered gates, de-dup by
 * wallet + counter, the holder's offline cap, one debit per trip). Trips are generated batch by
 * batch and each batch's answer is folded into totals and dropped, so the operator's side holds one
 * batch at a time; per debit the rails keep the balances its ledger entry moved, a wallet history
 * line and the tap's de-dup record (the bulk deferred debit, mock-rails/src/transit/deferredDebit.ts;
 * no order per tap).
 * Progress goes to stderr every 10%.
 *
 * Baselines measured in the same child: (a) a bare pricing loop over the same trips, (b) the ledger's
 * raw debit — an engine QR order created and paid from a wallet, with no transit logic. Figures:
 * trips/s, peak RSS, and `transit_vs_raw_debit_ratio` (trips/s over raw debits/s; 1 = transit adds
 * nothing over the engine's own payment). Targets (issue #17): ≥ 50,000 trips/s, peak RSS ≤ 300 MB.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundleSources } from './_bundleSources.js'

/** Builds the day from the sources and runs it as a child process; its last stdout line is the figures. */
async function spawnChild(trips: number): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'ecny-bench-transit-'))
  try {
    await bundleSources({ transitDay: 'bench/_transitDay.ts' }, dir)
    return await new Promise((resolve, reject) => {
      const proc = execFile(
        process.execPath,
        ['--max-old-space-size=4096', join(dir, 'transitDay.mjs'), String(trips)],
        { maxBuffer: 1 << 20 },
        (error, stdout) => {
          if (error) return reject(error)
          resolve(JSON.parse(stdout.trim().split('\n').at(-1)!))
        },
      )
      proc.stderr?.pipe(process.stderr)
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export async function run(): Promise<Record<string, number>> {
  const trips = Number(process.env.TRANSIT_TRIPS ?? 1_000_000)
  const result = await spawnChild(trips)
  const ratio = result.tripsPerS! / result.raw!
  console.log(
    `transit: ${trips} trips in ${result.seconds!.toFixed(1)} s = ${Math.round(result.tripsPerS!)} trips/s ` +
      `(target ≥ 50000), peak RSS ${result.peakRssMb} MB (target ≤ 300); ¥${(result.debitedAmount! / 100).toFixed(2)} debited`,
  )
  console.log(
    `baselines: pricing alone ${Math.round(result.pricing!)} trips/s; raw engine debit ${Math.round(result.raw!)} /s; ` +
      `transit / raw debit = ${ratio.toFixed(3)}`,
  )
  const scale = trips === 1_000_000 ? '1m' : String(trips)
  return {
    [`transit_${scale}_trips_per_s`]: Math.round(result.tripsPerS!),
    [`transit_${scale}_peak_rss_mb`]: result.peakRssMb!,
    [`transit_${scale}_vs_raw_debit_ratio`]: Number(ratio.toFixed(3)),
    transit_pricing_per_s: Math.round(result.pricing!),
    transit_raw_debit_per_s: Math.round(result.raw!),
  }
}
