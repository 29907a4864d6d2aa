'use client'
import { type EcnyBaseClient, PermissionError } from '@ecny/sdk-core'
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { createContext, type ReactNode, useContext, useMemo, useRef } from 'react'
import {
  type ClientTokenProp,
  createTokenClient,
  insecureTokenError,
  looksLikePrivateKey,
} from './createTokenClient.js'

export type EcnyProviderProps = {
  /** The gateway URL your backend told the page to use. */
  baseUrl: string
  /**
   * A short-lived token your backend minted for this page, or a function that fetches one (it may
   * return `createClientToken`'s whole `{ token, expiresAt }`). Private keys are refused. Optional
   * on checkout pages, where `useCheckout` gets a token per order from your `createOrder`.
   */
  clientToken?: ClientTokenProp
  /** Your TanStack `QueryClient`. Default: the one from a surrounding `QueryClientProvider`, else a new one. */
  queryClient?: QueryClient
  /** Part of every query key: change it when the person behind the token changes (log-out, switch user). */
  scopeKey?: string
  children?: ReactNode
}

export type EcnyContextValue = { client: EcnyBaseClient; scopeKey: string | undefined }

export const EcnyContext = createContext<EcnyContextValue | undefined>(undefined)

const serverOnlyProps = ['credentials', 'privateKey', 'signer']

/**
 * Makes an e-CNY client, authenticated by client tokens only, and a TanStack `QueryClient`
 * available to the hooks below it.
 * Docs: https://ecny-sdk.dev/docs/react#ecnyprovider
 */
export function EcnyProvider(props: EcnyProviderProps) {
  const { baseUrl, clientToken, queryClient, scopeKey, children } = props
  const serverOnly = serverOnlyProps.find((name) => name in props)
  if (serverOnly)
    throw new PermissionError(
      'insecure_environment',
      `<EcnyProvider> was given ${serverOnly}: server credentials never belong in a browser.`,
      {
        hint: 'Mint a short-lived client token on your server (createClientToken) and pass it as clientToken.',
      },
    )
  if (looksLikePrivateKey(clientToken)) throw insecureTokenError('<EcnyProvider clientToken>')

  const token = useRef(clientToken)
  token.current = clientToken
  // A new scope is a new person: a new client, so no cached token carries over.
  // biome-ignore lint/correctness/useExhaustiveDependencies: scopeKey renews the client on purpose
  const client = useMemo(() => createTokenClient(baseUrl, () => token.current), [baseUrl, scopeKey])
  const value = useMemo(() => ({ client, scopeKey }), [client, scopeKey])

  const outer = useContext(QueryClientContext)
  const owned = useRef<QueryClient | undefined>(undefined)
  if (!queryClient && !outer && !owned.current) owned.current = new QueryClient()
  const active = queryClient ?? outer ?? owned.current!
  return (
    <QueryClientProvider client={active}>
      <EcnyContext.Provider value={value}>{children}</EcnyContext.Provider>
    </QueryClientProvider>
  )
}
