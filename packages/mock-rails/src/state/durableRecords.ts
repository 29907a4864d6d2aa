import type { SqliteRecords } from './sqlite/openSqliteRecords.js'
import { type MapChangeTracker, trackMapChanges } from './trackMapChanges.js'

/**
 * One part of the state, saved as rows of a section:
 * - `map`: one row per entry, only the entries that may have changed are looked at (see
 *   {@link trackMapChanges}); `keep` leaves some out (an idempotency claim still in progress);
 *   `version` is a cheap stamp that says a record is unchanged without serialising it;
 *   `appendOnly`: every value is an array that only grows (a wallet's history), saved in rows of
 *   {@link chunkSize} items (`key#0`, `key#1`, …) so an append rewrites only the last one;
 * - `doc`: one small value, serialised and compared on every commit;
 * - `list`: records with an `id`, read whole (a copy of the outbox), compared by `version`.
 */
export type DurableSection =
  | {
      kind: 'map'
      name: string
      map: Map<string, unknown>
      iterationChangesNothing?: boolean
      keep?: (value: never) => boolean
      version?: (value: never) => string
      appendOnly?: boolean
    }
  | { kind: 'doc'; name: string; read: () => unknown }
  | { kind: 'list'; name: string; read: () => Iterable<{ id: string }>; version: (value: never) => string }

export type DurableRecords = {
  /**
   * Saves what changed since the last commit in one transaction and returns how many rows it wrote.
   * When it returns, everything the process did so far is on disk.
   */
  commit(): number
}

type Cached = { json: string; version?: string; length?: number }

/** Items per row of an `appendOnly` section. */
export const chunkSize = 256

/** The row key of one chunk of an `appendOnly` entry. */
const chunkKey = (key: string, index: number) => `${key}#${index}`

/**
 * The entries of an `appendOnly` section from its rows: each key's chunks joined in order.
 *
 * @example
 * joinChunks(new Map([['w1#1', '[3]'], ['w1#0', '[1,2]']])) // Map { 'w1' => [1, 2, 3] }
 */
export function joinChunks(rows: Map<string, string>): Map<string, unknown[]> {
  const chunks = new Map<string, Array<[number, unknown[]]>>()
  for (const [rowKey, json] of rows) {
    const at = rowKey.lastIndexOf('#')
    const key = rowKey.slice(0, at)
    const list = chunks.get(key) ?? []
    list.push([Number(rowKey.slice(at + 1)), JSON.parse(json) as unknown[]])
    chunks.set(key, list)
  }
  return new Map(
    [...chunks].map(([key, list]) => [key, list.sort(([a], [b]) => a - b).flatMap(([, items]) => items)]),
  )
}

/** `JSON.stringify` that writes a `Map` the way the snapshot codec reads it (`{"$map": [...]}`). */
export const stringifyState = (value: unknown) =>
  JSON.stringify(value, (_key, item) =>
    item instanceof Map ? { $map: [...Map.prototype.entries.call(item)] } : item,
  )

/**
 * Keeps `sections` in step with the rows of `records`: `saved` (the rows read at start) is taken as
 * already written, and the first commit compares every live record with it, so loading writes nothing.
 *
 * @example
 * const durable = createDurableRecords(records, sections, records.readAll())
 * handleRequest()
 * durable.commit() // then answer
 */
export function createDurableRecords(
  records: SqliteRecords,
  sections: readonly DurableSection[],
  saved: Map<string, Map<string, string>>,
): DurableRecords {
  const caches = new Map<string, Map<string, Cached>>()
  const trackers = new Map<string, MapChangeTracker>()
  for (const section of sections) {
    const rows = saved.get(section.name) ?? new Map<string, string>()
    if (section.kind === 'map' && section.appendOnly) {
      const entries = [...joinChunks(rows)].map(([key, items]): [string, Cached] => [
        key,
        { json: '', length: items.length },
      ])
      caches.set(section.name, new Map(entries))
    } else caches.set(section.name, new Map([...rows].map(([key, json]) => [key, { json }])))
    if (section.kind === 'map') {
      trackers.set(
        section.name,
        trackMapChanges(section.map, { iterationChangesNothing: section.iterationChangesNothing ?? false }),
      )
    }
  }
  let first = true

  function diff(
    name: string,
    cache: Map<string, Cached>,
    key: string,
    value: unknown,
    version: ((value: never) => string) | undefined,
    writes: Array<{ section: string; key: string; value: string | null }>,
  ) {
    const cached = cache.get(key)
    if (value === undefined) {
      if (cached) {
        cache.delete(key)
        writes.push({ section: name, key, value: null })
      }
      return
    }
    const stamp = version?.(value as never)
    if (cached && stamp !== undefined && cached.version === stamp) return
    const json = stringifyState(value)
    if (cached?.json !== json) writes.push({ section: name, key, value: json })
    cache.set(key, { json, ...(stamp !== undefined && { version: stamp }) })
  }

  /** An `appendOnly` entry: rewrites the chunks from the one the last save ended in. */
  function diffChunks(
    name: string,
    cache: Map<string, Cached>,
    key: string,
    value: unknown[] | undefined,
    writes: Array<{ section: string; key: string; value: string | null }>,
  ) {
    const saved = cache.get(key)?.length
    const length = value?.length
    if (saved === length) return
    const chunksOf = (n: number | undefined) => (n === undefined ? 0 : Math.max(1, Math.ceil(n / chunkSize)))
    // Shorter than saved (not an append after all): everything again.
    const from =
      saved !== undefined && length !== undefined && length > saved ? Math.floor(saved / chunkSize) : 0
    for (let i = from; i < chunksOf(length); i++) {
      const items = value!.slice(i * chunkSize, (i + 1) * chunkSize)
      writes.push({ section: name, key: chunkKey(key, i), value: stringifyState(items) })
    }
    for (let i = chunksOf(length); i < chunksOf(saved); i++)
      writes.push({ section: name, key: chunkKey(key, i), value: null })
    if (length === undefined) cache.delete(key)
    else cache.set(key, { json: '', length })
  }

  return {
    commit() {
      const writes: Array<{ section: string; key: string; value: string | null }> = []
      for (const section of sections) {
        const cache = caches.get(section.name)!
        if (section.kind === 'doc') {
          diff(section.name, cache, '', section.read(), undefined, writes)
        } else if (section.kind === 'list') {
          const seen = new Set<string>()
          for (const item of section.read()) {
            seen.add(item.id)
            diff(section.name, cache, item.id, item, section.version, writes)
          }
          for (const key of [...cache.keys()])
            if (!seen.has(key)) diff(section.name, cache, key, undefined, undefined, writes)
        } else {
          const changes = trackers.get(section.name)!.take()
          const keys =
            changes.all || first
              ? new Set<unknown>([...cache.keys(), ...Map.prototype.keys.call(section.map)])
              : changes.keys
          for (const key of keys) {
            if (typeof key !== 'string') throw new TypeError(`${section.name}: only string keys are saved`)
            const value = Map.prototype.get.call(section.map, key)
            const kept = value !== undefined && (section.keep?.(value as never) ?? true)
            if (section.appendOnly)
              diffChunks(section.name, cache, key, kept ? (value as unknown[]) : undefined, writes)
            else diff(section.name, cache, key, kept ? value : undefined, section.version, writes)
          }
        }
      }
      first = false
      records.write(writes)
      return writes.length
    },
  }
}
