/**
 * Request nonces (`jti`) seen recently, per app. An entry lives as long as a request with that nonce
 * could still pass the ±300 s `iat` check (twice the skew window); after that the `iat` check alone
 * rejects a replay, so the entry is dropped. Entries are added in time order, so expired ones are
 * always at the front: memory stays bounded by the request rate over ten minutes.
 */
export function createReplayCache(windowMs: number) {
  const seen = new Map<string, number>()
  return {
    /** Records the nonce; `false` if it was already seen within the window. */
    remember(appId: string, jti: string, now: number): boolean {
      for (const [key, expiresAt] of seen) {
        if (expiresAt > now) break
        seen.delete(key)
      }
      const key = `${appId}\u241f${jti}`
      if (seen.has(key)) return false
      seen.set(key, now + 2 * windowMs)
      return true
    },
    size: () => seen.size,
  }
}
