'use client'
import { createEcnyError, type EcnyBaseClient } from '@ecny/sdk-core'
import { useContext } from 'react'
import { EcnyContext, type EcnyContextValue } from './EcnyProvider.js'

/** The client and cache scope of the nearest `EcnyProvider`; a typed error outside one. */
export function useEcnyContext(): EcnyContextValue {
  const value = useContext(EcnyContext)
  if (!value)
    throw createEcnyError('invalid_request', 'An e-CNY hook was used outside <EcnyProvider>.', {
      hint: 'Wrap the component tree that uses e-CNY hooks in <EcnyProvider baseUrl clientToken>.',
    })
  return value
}

/** The client from the nearest `EcnyProvider`. Docs: https://ecny-sdk.dev/docs/react#ecnyprovider */
export function useEcnyClient(): EcnyBaseClient {
  return useEcnyContext().client
}
