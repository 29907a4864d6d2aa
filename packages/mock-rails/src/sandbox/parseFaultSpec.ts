import type { FaultOptions } from '../faults/faultInjector.js'

const names: Record<string, keyof FaultOptions> = {
  '5xx': 'rate5xx',
  '429': 'rate429',
  drop: 'dropAfterCommit',
  dropall: 'dropEveryAnswer',
  latency: 'latencyMs',
  dup: 'duplicateNotifications',
  reorder: 'reorderNotifications',
}

/**
 * `"5xx=0.1,429=0.05,drop=0.02,dropall=0.01,latency=50,dup=0.1,reorder=0.5"` → fault options.
 * Rates are 0–1, latency is in ms. `drop` loses a request's first answer after the rails applied it
 * (the retry is answered from the idempotency record); `dropall` loses every answer, replays
 * included (→ `result_unknown`). Throws a readable error on anything else.
 *
 * @example
 * parseFaultSpec('5xx=0.1,latency=50') // { rate5xx: 0.1, latencyMs: 50 }
 */
export function parseFaultSpec(spec: string): FaultOptions {
  const faults: Record<string, number> = {}
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value] = part.split('=')
    const key = name ? names[name] : undefined
    const number = Number(value)
    if (!key || value === undefined || !Number.isFinite(number) || number < 0) {
      throw new Error(`Bad fault "${part}". Use name=value with names ${Object.keys(names).join(', ')}.`)
    }
    if (key !== 'latencyMs' && number > 1)
      throw new Error(`Fault ${name} is a rate between 0 and 1, got ${value}.`)
    faults[key] = number
  }
  return faults as FaultOptions
}
