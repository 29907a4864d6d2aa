import { beforeEach, describe, expect, it } from 'vitest'
import {
  defaultUnresolvedLimit,
  type InFlightCreateStore,
} from '../../src/actions/orders/inFlightCreateStore.js'

/**
 * The {@link InFlightCreateStore} contract as tests, for every store. `open` is called before each
 * test and must return an empty store (a fresh key prefix will do).
 *
 * @example
 * inFlightCreateStoreConformance('memory', () => createMemoryInFlightCreateStore())
 */
export function inFlightCreateStoreConformance(
  name: string,
  open: () => InFlightCreateStore | Promise<InFlightCreateStore>,
): void {
  describe(`InFlightCreateStore conformance: ${name}`, () => {
    let store: InFlightCreateStore
    beforeEach(async () => {
      store = await open()
    })

    it('starts empty', async () => {
      expect(await store.unresolved()).toEqual([])
    })

    it('lists a recorded create with every field until it is cleared', async () => {
      const create = { merchantOrderNo: 'A-1', merchantId: 'M100', idempotencyKey: 'idk_1', startedAt: 1_000 }
      await store.record(create)
      expect(await store.unresolved()).toEqual([create])
      await store.clear({ merchantOrderNo: 'A-1', merchantId: 'M100' })
      expect(await store.unresolved()).toEqual([])
    })

    it('keeps the request the create was sent with, as it was', async () => {
      const request = {
        mode: 'qr',
        merchantOrderNo: 'A-1',
        amount: 1_250,
        description: '拿铁 Latte',
        contract: { delayTime: 1, timeUnit: 'day', benefitList: [{ benefitWalletId: 'W1', percent: 1 }] },
      }
      await store.record({ merchantOrderNo: 'A-1', idempotencyKey: 'idk_1', startedAt: 1, request })
      expect(await store.unresolved()).toEqual([
        { merchantOrderNo: 'A-1', idempotencyKey: 'idk_1', startedAt: 1, request },
      ])
    })

    it('keeps the same order number under two merchants apart, and without a merchant id', async () => {
      await store.record({ merchantOrderNo: 'A-1', merchantId: 'M100', startedAt: 1 })
      await store.record({ merchantOrderNo: 'A-1', merchantId: 'M200', startedAt: 2 })
      await store.record({ merchantOrderNo: 'A-1', startedAt: 3 })
      await store.clear({ merchantOrderNo: 'A-1', merchantId: 'M100' })
      expect(await store.unresolved()).toEqual([
        { merchantOrderNo: 'A-1', merchantId: 'M200', startedAt: 2 },
        { merchantOrderNo: 'A-1', startedAt: 3 },
      ])
    })

    it('recording the same create again replaces it', async () => {
      await store.record({ merchantOrderNo: 'A-1', idempotencyKey: 'idk_1', startedAt: 1 })
      await store.record({ merchantOrderNo: 'A-1', idempotencyKey: 'idk_2', startedAt: 5 })
      expect(await store.unresolved()).toEqual([
        { merchantOrderNo: 'A-1', idempotencyKey: 'idk_2', startedAt: 5 },
      ])
    })

    it('clearing a create it does not hold changes nothing', async () => {
      await store.record({ merchantOrderNo: 'A-1', startedAt: 1 })
      await store.clear({ merchantOrderNo: 'A-2' })
      await store.clear({ merchantOrderNo: 'A-1', merchantId: 'M100' })
      expect(await store.unresolved()).toEqual([{ merchantOrderNo: 'A-1', startedAt: 1 }])
    })

    it('lists oldest first, only those started before `startedBefore`, at most `limit`', async () => {
      for (const startedAt of [30, 10, 40, 20])
        await store.record({ merchantOrderNo: `A-${startedAt}`, startedAt })
      const numbers = async (query: Parameters<InFlightCreateStore['unresolved']>[0]) =>
        (await store.unresolved(query)).map((create) => create.merchantOrderNo)
      expect(await numbers({})).toEqual(['A-10', 'A-20', 'A-30', 'A-40'])
      expect(await numbers({ startedBefore: 30 })).toEqual(['A-10', 'A-20'])
      expect(await numbers({ limit: 3 })).toEqual(['A-10', 'A-20', 'A-30'])
      expect(await numbers({ startedBefore: 35, limit: 2 })).toEqual(['A-10', 'A-20'])
    })

    it(`lists at most ${defaultUnresolvedLimit} by default`, async () => {
      for (let index = 0; index <= defaultUnresolvedLimit; index++) {
        await store.record({ merchantOrderNo: `A-${index}`, startedAt: index })
      }
      const listed = await store.unresolved()
      expect(listed).toHaveLength(defaultUnresolvedLimit)
      expect(listed.at(-1)?.merchantOrderNo).toBe(`A-${defaultUnresolvedLimit - 1}`)
    })
  })
}
