/**
 * A tiny seeded pseudo-random generator (mulberry32): the same seed always yields the same sequence,
 * so a failing simulated run can be replayed exactly. Not for secrets.
 */
export type RandomSource = {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [0, max). */
  int(max: number): number
  /** The generator's internal state, to save and restore. */
  state(): number
  /** Continues from a saved `state()` (a snapshot restored in place). */
  restore(state: number): void
}

export function mulberry32(seed: number): RandomSource {
  let s = seed >>> 0
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (max) => Math.floor(next() * max),
    state: () => s,
    restore: (state) => {
      s = state >>> 0
    },
  }
}

/** Turns any seed a user may pass (number or text) into a 32-bit integer. */
export function normalizeSeed(seed: number | string | undefined): number {
  if (seed === undefined) return 0x5eed
  if (typeof seed === 'number') return seed >>> 0
  let hash = 2166136261
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 16777619)
  return hash >>> 0
}
