import type { AudienceTags, CompiledAudience } from './compileAudience.js'

export type EstimateAudienceReturnType = {
  /** Customers in the audience. */
  count: number
  /** Customers looked at. */
  total: number
}

/**
 * Counts the customers an audience reaches, e.g. to size a campaign's budget before launch. Streams
 * any iterable (an array, a generator over a database cursor), so memory stays flat.
 *
 * @example
 * const audience = compileAudience('payroll & !staff')
 * estimateAudience(audience, [{ tags: ['payroll'] }, { tags: ['payroll', 'staff'] }]) // { count: 1, total: 2 }
 */
export function estimateAudience(
  audience: CompiledAudience,
  customers: Iterable<{ readonly tags: AudienceTags }>,
): EstimateAudienceReturnType {
  const matches = audience.matches
  let count = 0
  let total = 0
  for (const customer of customers) {
    total++
    if (matches(customer.tags)) count++
  }
  return { count, total }
}
