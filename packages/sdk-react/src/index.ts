/**
 * `@ecny/sdk-react`: provider and hooks for checkout pages, wallet pages and campaign consoles.
 * Client tokens only: no private key path is importable from this package.
 * @packageDocumentation
 */
export { EcnyProvider, type EcnyProviderProps } from './EcnyProvider.js'
export { useEcnyClient } from './useEcnyClient.js'
