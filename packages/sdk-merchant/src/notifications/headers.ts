/** Request headers as a framework hands them over: a Fetch `Headers`, or a plain object (Node). */
export type HeadersInput =
  | Headers
  | Record<string, string | readonly string[] | undefined>
  | { get(name: string): string | null }

/** One header value, case-insensitively; the first of repeated values. */
export function headerValue(headers: HeadersInput, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined
  }
  const record = headers as Record<string, string | readonly string[] | undefined>
  const wanted = name.toLowerCase()
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() !== wanted) continue
    const value = record[key]
    return Array.isArray(value) ? value[0] : (value as string | undefined)
  }
  return undefined
}
