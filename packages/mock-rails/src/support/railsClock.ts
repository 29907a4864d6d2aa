/**
 * The rails clock. Every expiry, usage reset, timestamp and notification schedule reads it, so a test
 * can move time forward instead of waiting. `manual` mode starts at a fixed instant and moves only
 * when told; `system` mode follows the machine's clock plus any offset added by `advance`.
 */
export type RailsClock = {
  /** Milliseconds since the epoch, by the rails. */
  now(): number
  /** Moves the clock forward (or back, with a negative number) by `ms`. */
  advance(ms: number): void
  /** Puts the clock at an instant. */
  set(date: Date | number | string): void
  readonly mode: 'manual' | 'system'
  /** Called after every advance/set, e.g. to close expired orders. */
  onChange(listener: () => void): () => void
}

/** 2025-01-01T09:00:00+08:00: a stable default so manual-clock runs print the same timestamps. */
export const defaultClockStart = Date.parse('2025-01-01T01:00:00Z')

export function createRailsClock(
  options: { mode?: 'manual' | 'system'; start?: Date | number | string } = {},
) {
  const mode = options.mode ?? 'manual'
  const startMs = options.start === undefined ? defaultClockStart : toMs(options.start)
  let offset = mode === 'system' ? (options.start === undefined ? 0 : startMs - Date.now()) : startMs
  const listeners = new Set<() => void>()
  const changed = () => {
    for (const listener of listeners) listener()
  }
  const clock: RailsClock = {
    mode,
    now: mode === 'system' ? () => Date.now() + offset : () => offset,
    advance(ms) {
      if (!Number.isFinite(ms)) throw new TypeError(`clock.advance needs a finite number of ms, got ${ms}`)
      offset += ms
      changed()
    },
    set(date) {
      const target = toMs(date)
      offset = mode === 'system' ? target - Date.now() : target
      changed()
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return clock
}

function toMs(date: Date | number | string): number {
  const ms = typeof date === 'number' ? date : typeof date === 'string' ? Date.parse(date) : date.getTime()
  if (!Number.isFinite(ms)) throw new TypeError(`Not a valid instant: ${String(date)}`)
  return ms
}
