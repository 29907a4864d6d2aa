/**
 * `pnpm bench chaos`: the chaos run of `test/chaos` (1,000 payments, 200 refunds, 500 transfers through
 * the sandbox over HTTP with ≈ 30 % injected faults, duplicated and reordered notifications), reported
 * as figures: `chaos_duplicates`, `chaos_lost` and `chaos_ledger_drift_fen` must all be 0;
 * `chaos_notifications_misapplied` likewise; `chaos_wall_s` is for orientation (shared machines).
 */
import { runChaos } from '../test/chaos/chaosRun.js'

export async function run(): Promise<Record<string, number>> {
  const report = await runChaos({ print: (line) => console.log(line) })
  return {
    chaos_duplicates: report.duplicates,
    chaos_lost: report.lost,
    chaos_ledger_drift_fen: report.ledgerDriftFen,
    chaos_notifications_misapplied: report.notificationMisapplied,
    chaos_wall_s: Number(report.wallSeconds.toFixed(1)),
  }
}
