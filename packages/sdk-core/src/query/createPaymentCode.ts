import {
  type CreatePaymentCodeParameters,
  type CreatePaymentCodeReturnType,
  createPaymentCode,
} from '../actions/payments/createPaymentCode.js'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import {
  ecnyQueryKey,
  failedPermanently,
  type QueryFunctionContext,
  type QueryStateLike,
  type ScopeKeyParameter,
} from './queryKey.js'

export type CreatePaymentCodeQueryParameters = Partial<CreatePaymentCodeParameters> &
  ScopeKeyParameter & {
    /** Replace the code this long before it expires (by the gateway's clock). Default 10 000 ms. */
    refreshBeforeMs?: number | undefined
  }

/** Never replace a code more often than this, whatever its lifetime. */
const minimumRefreshMs = 250
/** After a failure worth retrying (the transport's own retries spent), try again this much later. */
const retryDelayMs = 5_000

/**
 * How long after it was issued a code should be replaced: its lifetime by the gateway's own
 * timestamps (`expiresAt − createdAt`, so a skewed device clock does not matter) less
 * `refreshBeforeMs`, and never sooner than 250 ms.
 */
export function paymentCodeRefreshDelay(
  code: Pick<CreatePaymentCodeReturnType, 'createdAt' | 'expiresAt'>,
  refreshBeforeMs = 10_000,
): number {
  const lifetime = Date.parse(code.expiresAt) - Date.parse(code.createdAt)
  return Math.max(minimumRefreshMs, (Number.isFinite(lifetime) ? lifetime : 60_000) - refreshBeforeMs)
}

/** The cache key of the wallet's current payment code. */
export function createPaymentCodeQueryKey(
  parameters: CreatePaymentCodeQueryParameters & { baseUrl: string },
) {
  const { baseUrl, scopeKey, walletId } = parameters
  return ecnyQueryKey('createPaymentCode', { baseUrl, scopeKey, walletId })
}

/**
 * Query options that keep a fresh payment code (付款码) for a wallet: the query creates a code, is
 * fresh until `refreshBeforeMs` before it expires, then creates the next one (`refetchInterval`;
 * in a hidden tab the next code is made when the tab is shown again).
 * `gcTime: 0`: a code is a bearer instrument, so it is dropped from the cache as soon as nothing
 * shows it. Stops for good on an error that will not go away (e.g. `wallet_closed`).
 *
 * @example
 * const options = createPaymentCodeQueryOptions(client, { walletId })
 * useQuery(options) // data.code: 19 digits to show as a barcode / QR
 */
export function createPaymentCodeQueryOptions(
  client: EcnyBaseClient,
  parameters: CreatePaymentCodeQueryParameters,
) {
  const { refreshBeforeMs = 10_000, walletId } = parameters
  const delay = (query: QueryStateLike<CreatePaymentCodeReturnType>): number | false => {
    const { data, error } = query.state
    if (error) return failedPermanently(error) ? false : retryDelayMs
    return data === undefined ? false : paymentCodeRefreshDelay(data, refreshBeforeMs)
  }
  return {
    queryKey: createPaymentCodeQueryKey({ ...parameters, baseUrl: client.baseUrl }),
    queryFn: ({ signal }: QueryFunctionContext): Promise<CreatePaymentCodeReturnType> =>
      createPaymentCode(client, { walletId } as CreatePaymentCodeParameters, { signal }),
    enabled: walletId !== undefined,
    retry: false,
    gcTime: 0,
    staleTime: (query: QueryStateLike<CreatePaymentCodeReturnType>): number => {
      const code = query.state.data
      return code === undefined ? 0 : paymentCodeRefreshDelay(code, refreshBeforeMs)
    },
    refetchInterval: delay,
  }
}
