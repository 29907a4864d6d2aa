'use client'
import {
  detectLocale,
  type EcnyBaseClient,
  type Locale,
  type LocaleConfig,
  loadCatalogue,
  localiseError,
  type MessageCatalogue,
} from '@ecny/sdk-core'
import { errorFrom, providerGivenCredentials } from '@ecny/sdk-core/internal'
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react'
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
  /**
   * The language of the SDK's errors and the components' labels: `zh-CN` or `en`. Default: the
   * browser's (`navigator.language`; zh* is zh-CN). Pass it when rendering on the server.
   */
  locale?: Locale
  /** Where `error.docsUrl` points (your own copy of the docs). Default `https://ecny-sdk.dev/docs/`. */
  docsBaseUrl?: string
  children?: ReactNode
}

export type EcnyContextValue = {
  client: EcnyBaseClient
  scopeKey: string | undefined
  locale: Locale
  /** The client's locale settings, for the clients hooks make (e.g. per order). */
  localeConfig: LocaleConfig
  /** Puts an error the page made itself into the provider's locale (once its catalogue is in). */
  localise<E>(error: E): E
}

export const EcnyContext = createContext<EcnyContextValue | undefined>(undefined)

const serverOnlyProps = ['credentials', 'privateKey', 'signer']

/**
 * Makes an e-CNY client, authenticated by client tokens only, and a TanStack `QueryClient`
 * available to the hooks below it.
 * Docs: https://ecny-sdk.dev/docs/react#ecnyprovider
 */
export function EcnyProvider(props: EcnyProviderProps) {
  const { baseUrl, clientToken, queryClient, scopeKey, docsBaseUrl, children } = props
  const serverOnly = serverOnlyProps.find((name) => name in props)
  if (serverOnly) throw errorFrom(providerGivenCredentials, { prop: serverOnly })
  if (looksLikePrivateKey(clientToken)) throw insecureTokenError('<EcnyProvider clientToken>')
  const locale = props.locale ?? detectLocale()
  const [catalogue, setCatalogue] = useState<MessageCatalogue | undefined>()
  useEffect(() => {
    let current = true
    if (locale !== 'en') void loadCatalogue(locale).then((loaded) => current && setCatalogue(loaded))
    return () => {
      current = false
    }
  }, [locale])

  const token = useRef(clientToken)
  token.current = clientToken
  // A new scope is a new person: a new client, so no cached token carries over.
  const localeConfig = useMemo(() => ({ locale, docsBaseUrl }), [locale, docsBaseUrl])
  // biome-ignore lint/correctness/useExhaustiveDependencies: scopeKey renews the client on purpose
  const client = useMemo(
    () => createTokenClient(baseUrl, () => token.current, localeConfig),
    [baseUrl, scopeKey, localeConfig],
  )
  const value = useMemo<EcnyContextValue>(
    () => ({
      client,
      scopeKey,
      locale,
      localeConfig,
      localise: (error) =>
        localiseError(error, { locale, docsBaseUrl, catalogue: locale === 'en' ? undefined : catalogue }),
    }),
    [client, scopeKey, locale, localeConfig, docsBaseUrl, catalogue],
  )

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
