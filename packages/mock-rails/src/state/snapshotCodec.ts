/**
 * Plain-JSON encoding of state that holds `Map`s: a map becomes `{"$map": [[key, value], …]}`.
 * Used by `snapshot()`/`restore()` and the sandbox's state file.
 */
export function encodeMaps(value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value].map(([key, item]) => [key, encodeMaps(item)]) }
  if (Array.isArray(value)) return value.map(encodeMaps)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) out[key] = encodeMaps(item)
    return out
  }
  return value
}

export function decodeMaps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeMaps)
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (Array.isArray(record.$map) && Object.keys(record).length === 1) {
      return new Map((record.$map as Array<[unknown, unknown]>).map(([key, item]) => [key, decodeMaps(item)]))
    }
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(record)) out[key] = decodeMaps(item)
    return out
  }
  return value
}
