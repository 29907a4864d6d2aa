/** Which keys of a map may have changed since the last `take()`; `all` when it cannot tell. */
export type MapChanges = { all: boolean; keys: Set<unknown> }

export type MapChangeTracker = {
  /** The changes seen since the last call, and starts over. */
  take(): MapChanges
}

/**
 * Watches one map in place (its own methods are wrapped on the instance, so every holder of the map
 * is seen): `set`/`delete` mark their key, `get` marks its key too (records are mutated in place
 * after a `get`), `clear` and, unless `iterationChangesNothing`, iterating over values mark
 * everything. Iterating `keys()` and `has` mark nothing: they hand out no record to change.
 *
 * @example
 * const tracker = trackMapChanges(state.orders)
 * state.orders.get('ord_1')!.status = 'succeeded'
 * tracker.take() // { all: false, keys: Set { 'ord_1' } }
 */
export function trackMapChanges<K, V>(
  map: Map<K, V>,
  options: { iterationChangesNothing?: boolean } = {},
): MapChangeTracker {
  let changes: MapChanges = { all: false, keys: new Set() }
  const proto = Map.prototype
  const mark = (key: K) => {
    if (!changes.all) changes.keys.add(key)
  }
  const markAll = () => {
    changes.all = true
    changes.keys.clear()
  }
  Object.assign(map, {
    get(key: K) {
      mark(key)
      return proto.get.call(map, key)
    },
    set(key: K, value: V) {
      mark(key)
      return proto.set.call(map, key, value)
    },
    delete(key: K) {
      mark(key)
      return proto.delete.call(map, key)
    },
    clear() {
      markAll()
      proto.clear.call(map)
    },
  })
  if (!options.iterationChangesNothing) {
    const iterating =
      <A extends unknown[], R>(method: (this: Map<K, V>, ...args: A) => R) =>
      (...args: A): R => {
        markAll()
        return method.apply(map, args)
      }
    Object.assign(map, {
      values: iterating(proto.values),
      entries: iterating(proto.entries),
      forEach: iterating(proto.forEach as (this: Map<K, V>, ...args: unknown[]) => void),
      [Symbol.iterator]: iterating(proto[Symbol.iterator]),
    })
  }
  return {
    take() {
      const taken = changes
      changes = { all: false, keys: new Set() }
      return taken
    },
  }
}
