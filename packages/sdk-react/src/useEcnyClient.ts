'use client'
import type { EcnyBaseClient } from '@ecny/sdk-core'
import { errorFrom, hookOutsideProvider } from '@ecny/sdk-core/internal'
import { useContext } from 'react'
import { EcnyContext, type EcnyContextValue } from './EcnyProvider.js'

/** The client and cache scope of the nearest `EcnyProvider`; a typed error outside one. */
export function useEcnyContext(): EcnyContextValue {
  const value = useContext(EcnyContext)
  if (!value) throw errorFrom(hookOutsideProvider, {})
  return value
}

/** The client from the nearest `EcnyProvider`. Docs: https://ecny-sdk.dev/docs/react#ecnyprovider */
export function useEcnyClient(): EcnyBaseClient {
  return useEcnyContext().client
}
