const needsQuotes = /[",\r\n]/

/**
 * One CSV field: as it is, or quoted RFC 4180 style (`"` doubled) when it holds a comma, a quote or a
 * line break.
 *
 * @example
 * csvField('plain')  // 'plain'
 * csvField('a,"b"')  // '"a,""b"""'
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  return needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}
