import { type CreateRailsOptions, createRails, type Rails } from '@ecny/mock-rails'

/** 2025-03-10 10:00 Shanghai: a fixed, mid-year instant for deterministic tests. */
export const testStart = '2025-03-10T02:00:00Z'

/**
 * In-process rails with a fixed seed and, unless the test says otherwise, the rails' own clock.
 *
 * @example
 * const rails = createTestRails({ seed: 7 })
 * const frozen = createTestRails({ clock: { start: testStart } })
 */
export function createTestRails(options: CreateRailsOptions = {}): Rails {
  return createRails({ seed: 1, ...options })
}

/**
 * Rails at {@link testStart} (seed 1) with one seeded, approved merchant that takes notifications at
 * `https://merchant.test/notify`: the starting point of the simulator's own tests.
 *
 * @example
 * const { rails, merchant, engine } = testRails()
 * const order = engine.createOrder({ merchantId: merchant.id, merchantOrderNo: 'A-1', amount: 100, description: 'Tea', mode: 'qr' })
 */
export function testRails(options: CreateRailsOptions = {}) {
  const rails = createTestRails({ clock: { start: testStart }, ...options })
  const merchant = rails.seedMerchant({ notifyUrl: 'https://merchant.test/notify' })
  return { rails, merchant, engine: rails.engine }
}

/**
 * Opens an anonymous WL04 wallet directly on the engine.
 *
 * @example
 * const wallet = openWl04(rails, '13800138001')
 */
export function openWl04(rails: Rails, mobile = '13800138000') {
  return rails.engine.openWallet({ level: 'WL04', mobile })
}
