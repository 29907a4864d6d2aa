import type { TapInput } from '@ecny/sdk-merchant'

/**
 * A gate's offline tap log. The gate opens as soon as a hardware wallet (card, SIM, wearable) taps:
 * it records the wallet, the wallet's own offline counter, the fare and the time, and uploads the
 * log later. A wallet held against the reader a little too long is read twice with the same
 * counter; the log keeps both reads, as a real reader would, and the gateway's de-duplication by
 * wallet + counter makes sure only one is charged.
 */
export class OfflineGate {
  readonly gateId: string
  #log: TapInput[] = []
  #uploaded = 0

  constructor(gateId: string) {
    this.gateId = gateId
  }

  /** A tap read by the reader: the gate opens at once. */
  tap(read: { walletId: string; counter: number; fare: number; at: Date }): void {
    this.#log.push({
      walletId: read.walletId,
      counter: read.counter,
      amount: read.fare,
      tappedAt: shanghaiIso(read.at),
      gateId: this.gateId,
    })
  }

  /** Taps not yet acknowledged by a successful upload. */
  pending(): TapInput[] {
    return this.#log.slice(this.#uploaded)
  }

  /** The whole day's log (e.g. to re-upload everything after a crash: duplicates are safe). */
  all(): TapInput[] {
    return [...this.#log]
  }

  /** Marks everything up to now as uploaded. */
  acknowledge(count: number): void {
    this.#uploaded += count
  }
}

/** ISO 8601 in Asia/Shanghai (+08:00), the way the gate's clock writes it. */
export function shanghaiIso(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`
}
