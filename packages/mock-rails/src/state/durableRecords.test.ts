import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chunkSize, createDurableRecords, type DurableSection, joinChunks } from './durableRecords.js'
import type { RecordWrite, SqliteRecords } from './sqlite/openSqliteRecords.js'

/** The record table in memory: what the SQLite file would hold. */
function memoryRecords(): SqliteRecords & { rows: Map<string, Map<string, string>>; writes: number } {
  const rows = new Map<string, Map<string, string>>()
  const store = {
    rows,
    writes: 0,
    readAll: () => new Map([...rows].map(([section, entries]) => [section, new Map(entries)])),
    write(writes: readonly RecordWrite[]) {
      for (const { section, key, value } of writes) {
        const entries = rows.get(section) ?? new Map<string, string>()
        rows.set(section, entries)
        if (value === null) entries.delete(key)
        else entries.set(key, value)
        store.writes++
      }
    },
    close() {},
  }
  return store
}

type Op =
  | { kind: 'set'; key: string; n: number }
  | { kind: 'mutate'; key: string; n: number }
  | { kind: 'delete'; key: string }
  | { kind: 'iterateMutate'; n: number }
  | { kind: 'push'; key: string; count: number }
  | { kind: 'truncate'; key: string }

const keyArb = fc.constantFrom('a', 'b', 'c', 'd␟1')
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key: keyArb, n: fc.integer() }),
  fc.record({ kind: fc.constant('mutate' as const), key: keyArb, n: fc.integer() }),
  fc.record({ kind: fc.constant('delete' as const), key: keyArb }),
  fc.record({ kind: fc.constant('iterateMutate' as const), n: fc.integer() }),
  fc.record({
    kind: fc.constant('push' as const),
    key: keyArb,
    count: fc.integer({ min: 0, max: chunkSize + 3 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), key: keyArb }),
)

function apply(records: Map<string, { n: number }>, lists: Map<string, number[]>, op: Op) {
  if (op.kind === 'set') records.set(op.key, { n: op.n })
  if (op.kind === 'mutate') {
    const record = records.get(op.key)
    if (record) record.n = op.n
  }
  if (op.kind === 'delete') {
    records.delete(op.key)
    lists.delete(op.key)
  }
  if (op.kind === 'iterateMutate') for (const record of records.values()) record.n = op.n
  if (op.kind === 'push') {
    let list = lists.get(op.key)
    if (!list) {
      list = []
      lists.set(op.key, list)
    }
    for (let i = 0; i < op.count; i++) list.push(list.length)
  }
  if (op.kind === 'truncate') lists.set(op.key, [])
}

const decode = (rows: Map<string, string> | undefined) =>
  new Map([...(rows ?? new Map<string, string>())].map(([key, json]) => [key, JSON.parse(json)]))

describe('createDurableRecords', () => {
  it('after any operations and commits, the rows decode to the live maps (and a reload writes nothing)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(opArb, { maxLength: 6 }), { maxLength: 8 }), (batches) => {
        const store = memoryRecords()
        const records = new Map<string, { n: number }>()
        const lists = new Map<string, number[]>()
        const sections = (): DurableSection[] => [
          { kind: 'map', name: 'records', map: records },
          { kind: 'map', name: 'lists', map: lists, appendOnly: true },
          { kind: 'doc', name: 'size', read: () => records.size },
        ]
        const durable = createDurableRecords(store, sections(), store.readAll())
        durable.commit()
        for (const batch of batches) {
          for (const op of batch) apply(records, lists, op)
          durable.commit()
          expect(decode(store.rows.get('records'))).toEqual(records)
          expect(joinChunks(store.rows.get('lists') ?? new Map())).toEqual(lists)
          expect(store.rows.get('size')?.get('')).toBe(String(records.size))
        }
        const before = store.writes
        createDurableRecords(store, sections(), store.readAll()).commit()
        expect(store.writes).toBe(before)
      }),
    )
  })

  it('an append to a long history rewrites only its last chunk', () => {
    const store = memoryRecords()
    const lists = new Map([['w', Array.from({ length: chunkSize * 3 }, (_, i) => i)]])
    const durable = createDurableRecords(
      store,
      [{ kind: 'map', name: 'lists', map: lists, appendOnly: true }],
      new Map(),
    )
    expect(durable.commit()).toBe(3)
    lists.get('w')!.push(1)
    expect(durable.commit()).toBe(1)
    expect(store.rows.get('lists')!.get('w#3')).toBe('[1]')
  })
})
