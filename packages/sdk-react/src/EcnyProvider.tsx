'use client'
import { type ClientTokenSource, createBaseClient, type EcnyBaseClient } from '@ecny/sdk-core'
import { createContext, type ReactNode, useMemo } from 'react'

export type EcnyProviderProps = {
  /** The gateway URL your backend told the page to use. */
  baseUrl: string
  /** A short-lived token your backend minted for this page. Private keys are not accepted here. */
  clientToken: ClientTokenSource
  children?: ReactNode
}

export const EcnyContext = createContext<EcnyBaseClient | undefined>(undefined)

/**
 * Makes an e-CNY client, authenticated by a client token, available to the hooks below it.
 * Docs: https://ecny-sdk.dev/docs/react
 */
export function EcnyProvider({ baseUrl, clientToken, children }: EcnyProviderProps) {
  const client = useMemo(() => createBaseClient({ baseUrl, clientToken }), [baseUrl, clientToken])
  return <EcnyContext.Provider value={client}>{children}</EcnyContext.Provider>
}
