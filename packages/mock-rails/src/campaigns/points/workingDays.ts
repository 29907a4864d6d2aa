import { shanghaiDay } from '../../support/shanghaiTime.js'

const dayMs = 86_400_000
const offsetMs = 8 * 3600_000

/**
 * The instant `n` working days after `ms` have passed: the Shanghai midnight that ends the n-th working
 * day after the day of `ms` (`n` = 0: `ms` itself). The rails have no holiday calendar, so working days are Monday to Friday
 * (Asia/Shanghai); public holidays and make-up working days are not modelled.
 *
 * @example
 * addWorkingDays(Date.parse('2025-05-02T10:00:00+08:00'), 3) // Thu 2025-05-08 00:00 +08:00 (Mon, Tue, Wed passed)
 */
export function addWorkingDays(ms: number, n: number): number {
  let day = shanghaiDay(ms)
  let left = n
  while (left > 0) {
    day += 1
    if (isWorkingDay(day)) left -= 1
  }
  return n === 0 ? ms : (day + 1) * dayMs - offsetMs
}

/** Monday to Friday; `day` is days since the epoch in Shanghai (day 0, 1970-01-01, was a Thursday). */
export function isWorkingDay(day: number): boolean {
  const weekday = (day + 4) % 7 // 0 Sunday … 6 Saturday
  return weekday !== 0 && weekday !== 6
}
