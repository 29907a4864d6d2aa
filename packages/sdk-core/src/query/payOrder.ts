import { type PayOrderParameters, type PayOrderReturnType, payOrder } from '../actions/payments/payOrder.js'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import { ecnyQueryKey, type ScopeKeyParameter } from './queryKey.js'

/**
 * Mutation options for {@link payOrder}: `{ mutationKey, mutationFn }` for TanStack Query's
 * `useMutation` or any other runner. Limits are pre-checked; a `result_unknown` failure is settled with `waitForFinal`, not by paying again.
 *
 * @example
 * const { mutationFn } = payOrderMutationOptions(client)
 * const result = await mutationFn(parameters)
 */
export function payOrderMutationOptions(client: EcnyBaseClient, parameters: ScopeKeyParameter = {}) {
  return {
    mutationKey: ecnyQueryKey('payOrder', { baseUrl: client.baseUrl, scopeKey: parameters.scopeKey }),
    mutationFn: (variables: PayOrderParameters): Promise<PayOrderReturnType> => payOrder(client, variables),
  }
}
