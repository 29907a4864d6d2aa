'use client'
import {
  type GetWalletLimitsQueryParameters,
  type GetWalletLimitsReturnType,
  getWalletLimitsQueryOptions,
} from '@ecny/sdk-core'
import { useEcnyContext } from '../useEcnyClient.js'
import { type QueryParameter, useEcnyQuery } from './queryParameter.js'

export type UseWalletLimitsParameters = GetWalletLimitsQueryParameters &
  QueryParameter<GetWalletLimitsReturnType>

/** A wallet's caps, today's and this year's usage, and its balance. Docs: https://ecny-sdk.dev/docs/react#usewalletlimits */
export function useWalletLimits(parameters: UseWalletLimitsParameters = {}) {
  const { client, scopeKey } = useEcnyContext()
  const { query, ...rest } = parameters
  return useEcnyQuery(getWalletLimitsQueryOptions(client, { scopeKey, ...rest }), query)
}
