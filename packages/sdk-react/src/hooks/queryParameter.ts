import type { EcnyError } from '@ecny/sdk-core'
import {
  type QueryClient,
  type QueryKey,
  type UseMutationOptions,
  type UseQueryOptions,
  type UseQueryResult,
  useQuery,
} from '@tanstack/react-query'

/** TanStack Query options a hook passes through (the key and function come from the SDK). */
export type QueryParameter<T> = {
  query?: Omit<UseQueryOptions<T, EcnyError, T, QueryKey>, 'queryKey' | 'queryFn' | 'enabled'> & {
    enabled?: boolean
  }
}

/** TanStack mutation options a hook passes through (the key and function come from the SDK). */
export type MutationParameter<T, V> = {
  mutation?: Omit<UseMutationOptions<T, EcnyError, V>, 'mutationKey' | 'mutationFn'>
}

type SdkQueryOptions<T> = Omit<UseQueryOptions<T, EcnyError, T, QueryKey>, 'enabled'> & { enabled: boolean }

/** `useQuery` with the SDK's options first, the caller's after, and both `enabled`s respected. */
export function useEcnyQuery<T>(
  options: SdkQueryOptions<T>,
  query: QueryParameter<T>['query'],
): UseQueryResult<T, EcnyError> {
  return useQuery<T, EcnyError, T, QueryKey>({
    ...options,
    ...query,
    enabled: options.enabled && query?.enabled !== false,
  })
}

/** Marks cached reads of these wallets (and orders) stale after money moved. */
export function invalidateWallets(queryClient: QueryClient, ids: Array<string | undefined>): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: ({ queryKey }) => {
      const fields = queryKey[2] as { walletId?: string; orderId?: string } | undefined
      return (
        queryKey[0] === 'ecny' &&
        ids.some((id) => id !== undefined && (fields?.walletId === id || fields?.orderId === id))
      )
    },
  })
}
