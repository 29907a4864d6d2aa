import { beforeEach, describe, expect, it } from 'vitest'
import type { ReplayStore } from '../../src/notifications/replayStore.js'

/** A fresh, empty store and a way to let time pass for it (a fake clock, or real waiting). */
export type ReplayStoreFixture = {
  store: ReplayStore
  /** Lets `ms` pass for the store's TTLs. */
  elapse(ms: number): Promise<void>
}

/** Long enough that no claim or commit lapses within a test, however slow the machine. */
const hour = 3_600_000

/**
 * The {@link ReplayStore} contract as tests: every store (in-memory, Redis, yours) runs the same ones.
 * `open` is called before each test and must return an empty store (a fresh key prefix will do).
 *
 * @example
 * replayStoreConformance('memory', () => {
 *   let now = 0
 *   return { store: createMemoryReplayStore({ now: () => now }), elapse: async (ms) => { now += ms } }
 * })
 */
export function replayStoreConformance(
  name: string,
  open: () => ReplayStoreFixture | Promise<ReplayStoreFixture>,
): void {
  describe(`ReplayStore conformance: ${name}`, () => {
    let store: ReplayStore
    let elapse: (ms: number) => Promise<void>
    beforeEach(async () => {
      ;({ store, elapse } = await open())
    })

    it('claims a fresh id once; while held, every other token finds it in progress', async () => {
      expect(await store.claim('evt_1', 'a', hour)).toBe('claimed')
      expect(await store.claim('evt_1', 'b', hour)).toBe('in_progress')
      expect(await store.claim('evt_1', 'a', hour)).toBe('in_progress')
    })

    it('keeps ids apart, whatever characters they hold', async () => {
      const ids = ['evt_1', 'evt_1:done', 'evt_*', 'evt 通知', '']
      for (const id of ids) expect(await store.claim(id, `t-${id}`, hour)).toBe('claimed')
      await store.commit('evt_1', 't-evt_1', hour)
      expect(await store.claim('evt_1:done', 'other', hour)).toBe('in_progress')
      expect(await store.claim('evt_1', 'other', hour)).toBe('done')
    })

    it('a commit by the holder makes the id done for everyone', async () => {
      await store.claim('evt_1', 'a', hour)
      await store.commit('evt_1', 'a', hour)
      expect(await store.claim('evt_1', 'b', hour)).toBe('done')
      expect(await store.claim('evt_1', 'a', hour)).toBe('done')
    })

    it('a release by the holder frees the id for the next delivery', async () => {
      await store.claim('evt_1', 'a', hour)
      await store.release('evt_1', 'a')
      expect(await store.claim('evt_1', 'b', hour)).toBe('claimed')
    })

    it('refuses a release by a token that does not hold the id', async () => {
      await store.claim('evt_1', 'a', hour)
      await store.release('evt_1', 'b')
      expect(await store.claim('evt_1', 'c', hour)).toBe('in_progress')
      await store.release('evt_1', 'a')
      expect(await store.claim('evt_1', 'c', hour)).toBe('claimed')
    })

    it('refuses a commit by a token that does not hold the id', async () => {
      await store.claim('evt_1', 'a', hour)
      await store.commit('evt_1', 'b', hour)
      expect(await store.claim('evt_1', 'c', hour)).toBe('in_progress')
      await store.release('evt_1', 'a')
      expect(await store.claim('evt_1', 'c', hour)).toBe('claimed')
    })

    it('a release after the commit leaves the id done', async () => {
      await store.claim('evt_1', 'a', hour)
      await store.commit('evt_1', 'a', hour)
      await store.release('evt_1', 'a')
      expect(await store.claim('evt_1', 'b', hour)).toBe('done')
    })

    it('a claim lapses after its TTL (a crashed handler does not block the retries)', async () => {
      expect(await store.claim('evt_1', 'a', 100)).toBe('claimed')
      await elapse(150)
      expect(await store.claim('evt_1', 'b', hour)).toBe('claimed')
      expect(await store.claim('evt_1', 'c', hour)).toBe('in_progress')
    })

    it('a commit after the claim lapsed unclaimed still records the id as done', async () => {
      await store.claim('evt_1', 'a', 100)
      await elapse(150)
      await store.commit('evt_1', 'a', hour)
      expect(await store.claim('evt_1', 'b', hour)).toBe('done')
    })

    it('a commit after the claim lapsed and was taken by another delivery is refused', async () => {
      await store.claim('evt_1', 'a', 100)
      await elapse(150)
      expect(await store.claim('evt_1', 'b', hour)).toBe('claimed')
      await store.commit('evt_1', 'a', hour)
      await store.release('evt_1', 'a')
      expect(await store.claim('evt_1', 'c', hour)).toBe('in_progress')
      await store.commit('evt_1', 'b', hour)
      expect(await store.claim('evt_1', 'c', hour)).toBe('done')
    })

    it('a done id is forgotten after the commit TTL', async () => {
      await store.claim('evt_1', 'a', hour)
      await store.commit('evt_1', 'a', 100)
      await elapse(150)
      expect(await store.claim('evt_1', 'b', hour)).toBe('claimed')
    })

    it('of many concurrent claims on one id, exactly one wins', async () => {
      const tokens = Array.from({ length: 25 }, (_, index) => `t${index}`)
      const found = await Promise.all(tokens.map((token) => store.claim('evt_1', token, hour)))
      expect(found.filter((claim) => claim === 'claimed')).toHaveLength(1)
      expect(found.filter((claim) => claim === 'in_progress')).toHaveLength(tokens.length - 1)
    })
  })
}
