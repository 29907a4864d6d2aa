/** A Map that forgets its oldest entry beyond `limit`: parsed keys are reused, not hoarded. */
export function boundedCache<V>(limit: number): (key: string, create: () => V) => V {
  const entries = new Map<string, V>()
  return (key, create) => {
    const hit = entries.get(key)
    if (hit !== undefined) {
      entries.delete(key)
      entries.set(key, hit)
      return hit
    }
    const value = create()
    entries.set(key, value)
    if (entries.size > limit) entries.delete(entries.keys().next().value!)
    return value
  }
}
