import { randomId } from '@ecny/sdk-core/internal'

/**
 * What a client token may touch: one order, one wallet, or (`wallet_opening`) the opening of one
 * personal wallet for the person the app calls `id` — after which it is a token for that wallet.
 */
export type TokenScope = { type: 'order' | 'wallet' | 'wallet_opening'; id: string }
export type ClientTokenRecord = {
  token: string
  appId: string
  scope: TokenScope
  expiresAt: number
  /** A single-use scope (wallet_opening) being used right now by one request. */
  claimed?: boolean
  /** The token opened its wallet (it was `wallet_opening`, now `wallet`). */
  opened?: boolean
}

/** Longest life of a client token (DESIGN.md: ≤ 15 min); also the default. */
export const maxClientTokenTtlSeconds = 900

/** Expired tokens are still recognised this long (to answer `token_expired`, not "unknown token"). */
const graceMs = 3600_000

/**
 * Short-lived bearer tokens for browsers, scoped to one order or one wallet. Opaque random strings
 * (no secret material inside); forgotten an hour after they expire.
 */
export function createClientTokenStore() {
  const tokens = new Map<string, ClientTokenRecord>()
  return {
    mint(appId: string, scope: TokenScope, ttlSeconds: number, now: number): ClientTokenRecord {
      for (const [token, record] of tokens) {
        if (record.expiresAt + graceMs > now) break
        tokens.delete(token)
      }
      const record = {
        token: randomId('ctk_'),
        appId,
        scope: { ...scope },
        expiresAt: now + ttlSeconds * 1000,
      }
      tokens.set(record.token, record)
      return record
    },
    find(token: string): ClientTokenRecord | undefined {
      return tokens.get(token)
    },
    /** A `wallet_opening` token that opened its wallet becomes a token for that wallet. */
    rescope(token: string, scope: TokenScope): void {
      const record = tokens.get(token)
      if (!record) return
      record.scope = { ...scope }
      record.claimed = false
      record.opened = true
    },
    /**
     * Claims a single-use scope for one request, synchronously: `false` when another request holds it.
     * The holder either rescopes the token (used up) or {@link release}s it (free to try again).
     */
    claim(token: string): boolean {
      const record = tokens.get(token)
      if (!record || record.claimed) return false
      record.claimed = true
      return true
    },
    /** Gives a claim back, after the request that held it failed. */
    release(token: string): void {
      const record = tokens.get(token)
      if (record) record.claimed = false
    },
    /** Forgets every token (a snapshot restored: tokens are not part of it). */
    clear(): void {
      tokens.clear()
    },
  }
}

export type ClientTokenStore = ReturnType<typeof createClientTokenStore>
