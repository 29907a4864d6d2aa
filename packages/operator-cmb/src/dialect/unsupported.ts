import { InvalidRequestError } from '@ecny/sdk-core'

/**
 * The error for an operation an operator does not offer: names both, nothing was sent.
 *
 * @example
 * throw unsupportedByOperator('cmb', 'createMerchantApplication')
 */
export function unsupportedByOperator(
  operator: string,
  operation: string,
  why?: string,
): InvalidRequestError {
  return new InvalidRequestError(
    'unsupported_by_operator',
    `The ${operator} operator does not offer ${operation}${why ? ` (${why})` : ''}.`,
    {
      hint: `Nothing was sent. Do this through ${operator}'s own channel, or with a client for the reference protocol.`,
      details: { operator, operation },
    },
  )
}
