const unitSeconds: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 }

/**
 * A clock step as the CLI takes it, in whole seconds: `90s`, `15m`, `2h`, `1d`, `1w`, or parts of
 * them together (`1d12h`); a bare number is seconds. Throws a readable error on anything else.
 *
 * @example
 * parseDuration('1d') // 86400
 * parseDuration('1h30m') // 5400
 */
export function parseDuration(text: string): number {
  const trimmed = text.trim()
  if (/^\d+$/.test(trimmed)) return checked(Number(trimmed), text)
  const parts = [...trimmed.matchAll(/(\d+)([smhdw])/g)]
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== trimmed) {
    throw new Error(
      `Bad duration "${text}". Use a number of seconds or parts like 90s, 15m, 2h, 1d, 1w (1d12h).`,
    )
  }
  return checked(
    parts.reduce((total, [, count, unit]) => total + Number(count) * unitSeconds[unit!]!, 0),
    text,
  )
}

function checked(seconds: number, text: string): number {
  if (!Number.isSafeInteger(seconds) || seconds < 1) {
    throw new Error(`Bad duration "${text}": the clock moves forward by at least 1 second.`)
  }
  return seconds
}
