'use client'
import {
  type GetBalanceQueryParameters,
  type GetBalanceReturnType,
  getBalanceQueryOptions,
} from '@ecny/sdk-core'
import { useEcnyContext } from '../useEcnyClient.js'
import { type QueryParameter, useEcnyQuery } from './queryParameter.js'

export type UseBalanceParameters = GetBalanceQueryParameters & QueryParameter<GetBalanceReturnType>

/** A wallet's available balance in fen. Docs: https://ecny-sdk.dev/docs/react#usebalance */
export function useBalance(parameters: UseBalanceParameters = {}) {
  const { client, scopeKey } = useEcnyContext()
  const { query, ...rest } = parameters
  return useEcnyQuery(getBalanceQueryOptions(client, { scopeKey, ...rest }), query)
}
