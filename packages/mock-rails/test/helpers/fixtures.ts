import { computeResidentIdCheckChar } from '@ecny/sdk-core/internal'
import { type CreateRailsOptions, createRails } from '../../src/createRails.js'
import { RailsError } from '../../src/support/railsError.js'

/** A valid resident ID number for someone born on `yyyymmdd` (check digit computed). */
export function residentId(yyyymmdd: string, serial = '123', area = '110105'): string {
  const first17 = `${area}${yyyymmdd}${serial}`
  return first17 + computeResidentIdCheckChar(first17)
}

/** Luhn-valid card numbers. */
export function bankCard(seed = 1): string {
  const body = `62220202${String(seed).padStart(10, '0')}`
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i])
    if (i % 2 === 0) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return body + ((10 - (sum % 10)) % 10)
}

export const card = bankCard(1)

/** 2025-03-10 10:00 Shanghai: a fixed, mid-year instant for deterministic tests. */
export const testStart = '2025-03-10T02:00:00Z'

export function testRails(options: CreateRailsOptions = {}) {
  const rails = createRails({ seed: 1, clock: { start: testStart }, ...options })
  const merchant = rails.seedMerchant({ notifyUrl: 'https://merchant.test/notify' })
  return { rails, merchant, engine: rails.engine }
}

export function openWl04(rails: ReturnType<typeof createRails>, mobile = '13800138000') {
  return rails.engine.openWallet({ level: 'WL04', mobile })
}

/** The RailsError `fn` throws; fails the test when it throws nothing or something else. */
export function errorOf(fn: () => unknown): RailsError {
  try {
    fn()
  } catch (error) {
    if (error instanceof RailsError) return error
    throw error
  }
  throw new Error('expected a RailsError, nothing was thrown')
}
