/**
 * Calendar arithmetic in Asia/Shanghai (UTC+8, no daylight saving), the zone in which e-CNY daily
 * and annual limits reset. Pure integer arithmetic on epoch milliseconds: no Intl, no allocations.
 */
const offsetMs = 8 * 3600_000
const dayMs = 86_400_000

let lastMs = Number.NaN
let lastText = ''

/**
 * ISO 8601 with the +08:00 offset, e.g. `2025-01-01T09:00:00.000+08:00`. Remembers the last instant
 * formatted: under a manual clock most timestamps in a burst are the same instant.
 */
export function formatTimestamp(ms: number): string {
  if (ms === lastMs) return lastText
  const iso = new Date(ms + offsetMs).toISOString()
  lastMs = ms
  lastText = `${iso.slice(0, -1)}+08:00`
  return lastText
}

/** Days since the epoch, counted in Shanghai local days. */
export function shanghaiDay(ms: number): number {
  return Math.floor((ms + offsetMs) / dayMs)
}

/** The Shanghai calendar year of an instant. */
export function shanghaiYear(ms: number): number {
  return new Date(ms + offsetMs).getUTCFullYear()
}

/** The next Shanghai midnight after `ms`. */
export function nextShanghaiMidnight(ms: number): number {
  return (shanghaiDay(ms) + 1) * dayMs - offsetMs
}

/** The next 1 January 00:00 Shanghai after `ms`. */
export function nextShanghaiNewYear(ms: number): number {
  return Date.UTC(shanghaiYear(ms) + 1, 0, 1) - offsetMs
}

/** The Shanghai calendar date (`YYYY-MM-DD`) of an instant. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + offsetMs).toISOString().slice(0, 10)
}

/** True for a date written `YYYY-MM-DD` that exists on the calendar (`2025-02-30` does not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const ms = Date.parse(`${text}T00:00:00Z`)
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(text)
}
