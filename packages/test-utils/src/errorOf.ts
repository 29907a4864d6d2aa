import { RailsError } from '@ecny/mock-rails'

/**
 * The RailsError `fn` throws; fails the test when it throws nothing or something else.
 *
 * @example
 * expect(errorOf(() => rails.engine.topUp(walletId, { amount: 0, bankCard: testCard })).code).toBe('invalid_request')
 */
export function errorOf(fn: () => unknown): RailsError {
  try {
    fn()
  } catch (error) {
    if (error instanceof RailsError) return error
    throw error
  }
  throw new Error('expected a RailsError, nothing was thrown')
}
