import type { Caller } from './routeDefinition.js'

/**
 * Idempotency records, per app and key. A POST with an `Idempotency-Key` is remembered with a
 * fingerprint of what was asked (method, path, body digest) and, once done, the response. The same
 * key and fingerprint replay the stored response; another fingerprint is `idempotency_conflict`; a
 * second request while the first is running is `request_in_progress`. Records are kept 24 h of rails
 * clock and then forgotten (oldest first), so memory is bounded by a day of keyed requests.
 */
export const idempotencyRetentionMs = 24 * 3600_000

/**
 * Whose records a request reads and writes: an app's own, or one client token's own. A token never
 * sees the records of its app or of another token, so replaying a key cannot hand over an answer.
 *
 * @example
 * idempotencyScopeOf({ kind: 'token', appId: 'app_1', scope, token: 'ctk_…' }) // 'token:ctk_…'
 */
export function idempotencyScopeOf(caller: Caller): string {
  return caller.kind === 'app' ? `app:${caller.app.appId}` : `token:${caller.token}`
}

export type StoredResponse = { status: number; body: string; headers: Record<string, string> }

export type IdempotencyRecord = {
  fingerprint: string
  createdAt: number
  response: StoredResponse | null
}

export type IdempotencyLookup =
  | { kind: 'new' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'conflict' }
  | { kind: 'in_progress' }

export function createIdempotencyStore() {
  const records = new Map<string, IdempotencyRecord>()
  const forgetOld = (now: number) => {
    for (const [key, record] of records) {
      if (record.createdAt + idempotencyRetentionMs > now) break
      records.delete(key)
    }
  }
  return {
    /** Looks the key up and, when new, claims it as in progress. */
    begin(scope: string, key: string, fingerprint: string, now: number): IdempotencyLookup {
      forgetOld(now)
      const id = `${scope}\u241f${key}`
      const record = records.get(id)
      if (!record) {
        records.set(id, { fingerprint, createdAt: now, response: null })
        return { kind: 'new' }
      }
      if (record.fingerprint !== fingerprint) return { kind: 'conflict' }
      if (!record.response) return { kind: 'in_progress' }
      return { kind: 'replay', response: record.response }
    },
    complete(scope: string, key: string, response: StoredResponse): void {
      const record = records.get(`${scope}\u241f${key}`)
      if (record) record.response = response
    },
    /** Releases a claim without storing (the request never reached the engine). */
    abandon(scope: string, key: string): void {
      records.delete(`${scope}\u241f${key}`)
    },
    size: () => records.size,
    /** The records themselves, for the durable sandbox (`startSandbox({ state })`) to save and load. */
    records,
    /** Forgets every record (a snapshot restored: idempotency records are not part of it). */
    clear(): void {
      records.clear()
    },
  }
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>
