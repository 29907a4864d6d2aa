const shanghaiOffsetMs = 8 * 3_600_000

/**
 * CMB's Beijing-time stamps: `yyyyMMddHHmmss` (`txnTime`), or a date `yyyyMMdd` plus `HHmmss`, as
 * ISO 8601 with `+08:00`. `undefined` for anything else.
 *
 * @example
 * cmbTimeToIso('20250101123000') // '2025-01-01T12:30:00+08:00'
 */
export function cmbTimeToIso(date: unknown, time?: unknown): string | undefined {
  const text = typeof date === 'string' ? date + (typeof time === 'string' ? time : '') : ''
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text)
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00` : undefined
}

/** Epoch ms as Beijing time in the given shape: `compact` `yyyyMMddHHmmss`, `iso` `yyyy-MM-ddTHH:mm:ss`. */
export function formatCmbTime(ms: number, shape: 'compact' | 'iso' | 'date'): string {
  const t = new Date(ms + shanghaiOffsetMs).toISOString()
  const [day, clock] = [t.slice(0, 10), t.slice(11, 19)]
  if (shape === 'iso') return `${day}T${clock}`
  if (shape === 'date') return day.replaceAll('-', '')
  return day.replaceAll('-', '') + clock.replaceAll(':', '')
}

/** `yyyy-MM-ddTHH:mm:ss` in Beijing time (CMB's `orderTimeExpire`) as epoch ms; `undefined` if not one. */
export function parseCmbIsoTime(text: unknown): number | undefined {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(text)) return undefined
  const ms = Date.parse(`${text}+08:00`)
  return Number.isNaN(ms) ? undefined : ms
}
