'use client'
import { type GetOrderQueryParameters, type GetOrderReturnType, getOrderQueryOptions } from '@ecny/sdk-core'
import { useEcnyContext } from '../useEcnyClient.js'
import { type QueryParameter, useEcnyQuery } from './queryParameter.js'

export type UseOrderParameters = GetOrderQueryParameters & QueryParameter<GetOrderReturnType>

/** An order, polled until it is final (succeeded, failed, closed…); polling stops on unmount. Docs: https://ecny-sdk.dev/docs/react#useorder */
export function useOrder(parameters: UseOrderParameters = {}) {
  const { client, scopeKey } = useEcnyContext()
  const { query, ...rest } = parameters
  return useEcnyQuery(getOrderQueryOptions(client, { scopeKey, ...rest }), query)
}
