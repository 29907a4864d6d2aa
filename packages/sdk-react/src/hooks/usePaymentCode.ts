'use client'
import {
  type CreatePaymentCodeQueryParameters,
  type CreatePaymentCodeReturnType,
  createPaymentCodeQueryOptions,
} from '@ecny/sdk-core'
import { useEcnyContext } from '../useEcnyClient.js'
import { type QueryParameter, useEcnyQuery } from './queryParameter.js'

export type UsePaymentCodeParameters = CreatePaymentCodeQueryParameters &
  QueryParameter<CreatePaymentCodeReturnType>

/** A wallet's payment code, replaced before it expires; stops on unmount and drops the code. Docs: https://ecny-sdk.dev/docs/react#usepaymentcode */
export function usePaymentCode(parameters: UsePaymentCodeParameters = {}) {
  const { client, scopeKey } = useEcnyContext()
  const { query, ...rest } = parameters
  return useEcnyQuery(createPaymentCodeQueryOptions(client, { scopeKey, ...rest }), query)
}
