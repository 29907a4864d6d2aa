import type { EcnyError } from '@ecny/sdk-core'

/**
 * The error a promise rejects with (typed as the SDK's `EcnyError`); fails the test when it resolves.
 *
 * @example
 * expect(await rejectionOf(client.requestStream({ path }))).toMatchObject({ code: 'not_found' })
 */
export function rejectionOf(promise: Promise<unknown>): Promise<EcnyError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error as EcnyError,
  )
}
