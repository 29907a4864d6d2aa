import {
  type CreateTransferParameters,
  type CreateTransferReturnType,
  createTransfer,
} from '../actions/transfers/createTransfer.js'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import { ecnyQueryKey, type ScopeKeyParameter } from './queryKey.js'

/**
 * Mutation options for {@link createTransfer}: `{ mutationKey, mutationFn }` for TanStack Query's
 * `useMutation` or any other runner. One idempotency key per call, reused on the transport's retries: a transfer is never sent twice.
 *
 * @example
 * const { mutationFn } = createTransferMutationOptions(client)
 * const result = await mutationFn(parameters)
 */
export function createTransferMutationOptions(client: EcnyBaseClient, parameters: ScopeKeyParameter = {}) {
  return {
    mutationKey: ecnyQueryKey('createTransfer', { baseUrl: client.baseUrl, scopeKey: parameters.scopeKey }),
    mutationFn: (variables: CreateTransferParameters): Promise<CreateTransferReturnType> =>
      createTransfer(client, variables),
  }
}
