import type { UsageRecord } from '../state/records.js'
import { shanghaiDay, shanghaiYear } from '../support/shanghaiTime.js'

export function createUsage(now: number): UsageRecord {
  return { day: shanghaiDay(now), today: 0, year: shanghaiYear(now), thisYear: 0 }
}

/**
 * Zeroes the counters whose Shanghai day or year has passed. Returns the same record, current. Only
 * a day later than the record's resets it: a clock stepping back (even across midnight) keeps the
 * usage of the later day, so a step back can never free a cap.
 */
export function currentUsage(usage: UsageRecord, now: number): UsageRecord {
  const day = shanghaiDay(now)
  if (day > usage.day) {
    usage.day = day
    usage.today = 0
    const year = shanghaiYear(now)
    if (year !== usage.year) {
      usage.year = year
      usage.thisYear = 0
    }
  }
  return usage
}

export function recordUsage(usage: UsageRecord, amount: number, now: number): void {
  currentUsage(usage, now)
  usage.today += amount
  usage.thisYear += amount
}
