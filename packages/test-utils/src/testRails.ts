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
