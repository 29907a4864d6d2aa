/**
 * Request nonces (`jti`) seen recently, per app. Each entry keeps its own expiry, from the request's
 * `iat`: once the rails clock is more than the skew window past it, the `iat` check alone rejects a
 * replay and the entry is dropped. A clock that jumps forward drops entries early, so the cache also
 * remembers the latest expiry it has dropped: a signature whose own expiry is not later than that
 * could have been forgotten, and is refused as a possible replay (after a forward-then-back jump),
 * not accepted. Memory stays bounded by the request rate over the skew window.
 */
export function createReplayCache(windowMs: number) {
  const seen = new Map<string, number>()
  let forgottenUpTo = Number.NEGATIVE_INFINITY
  return {
    /**
     * Records the nonce; `false` if it was already seen, or if a nonce issued at `issuedAtMs` could
     * already have been forgotten.
     */
    remember(appId: string, jti: string, issuedAtMs: number, now: number): boolean {
      for (const [key, expiresAt] of seen) {
        if (expiresAt > now) break // entries arrive roughly by iat; a late one is dropped a little later
        forgottenUpTo = Math.max(forgottenUpTo, expiresAt)
        seen.delete(key)
      }
      const key = `${appId}\u241f${jti}`
      const expiresAt = issuedAtMs + windowMs
      if (seen.has(key) || expiresAt <= forgottenUpTo) return false
      seen.set(key, expiresAt)
      return true
    },
    size: () => seen.size,
    /** Forgets every nonce (a snapshot restored with its own clock). */
    clear(): void {
      seen.clear()
      forgottenUpTo = Number.NEGATIVE_INFINITY
    },
  }
}
