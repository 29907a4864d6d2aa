'use client'
import {
  type GetWalletQueryParameters,
  type GetWalletReturnType,
  getWalletQueryOptions,
} from '@ecny/sdk-core'
import { useEcnyContext } from '../useEcnyClient.js'
import { type QueryParameter, useEcnyQuery } from './queryParameter.js'

export type UseWalletParameters = GetWalletQueryParameters & QueryParameter<GetWalletReturnType>

/** A wallet: type, level, status and masked holder identity. Docs: https://ecny-sdk.dev/docs/react#usewallet */
export function useWallet(parameters: UseWalletParameters = {}) {
  const { client, scopeKey } = useEcnyContext()
  const { query, ...rest } = parameters
  return useEcnyQuery(getWalletQueryOptions(client, { scopeKey, ...rest }), query)
}
