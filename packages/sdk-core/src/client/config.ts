import type { AxiosInstance } from 'axios'
import type { JSONWebKeySet } from 'jose'
import type { LocaleConfig } from '../errors/errorLocaliser.js'
import type { Logger, LogLevel } from '../log/logger.js'
import type { SigningAlgorithm } from '../transport/allowedAlgorithms.js'
import type { PrivateKeyInput } from '../transport/createKeySigner.js'
import type { Operator } from '../transport/operatorCodec.js'
import type { RequestHooks } from '../transport/requestHooks.js'
import type { Signer } from '../transport/Signer.js'

/** Where each named environment lives. `sandbox` is the local simulator started by `ecny-sandbox`. */
export const environments = {
  sandbox: 'http://127.0.0.1:8787',
  production: 'https://gateway.ecny-sdk.dev',
} as const
export type Environment = keyof typeof environments

/** Server credentials: Node only. The private key never leaves your server. */
export type ServerCredentials =
  | { appId: string; privateKey: PrivateKeyInput; alg?: SigningAlgorithm; kid?: string }
  | { appId: string; signer: Signer }

/** A short-lived token minted by your backend (`POST /v1/client-tokens`), or a function returning one. */
export type ClientTokenSource = string | (() => string | Promise<string>)

export type ClientConfig = LocaleConfig & {
  /** `sandbox` (default) or `production`; ignored when `baseUrl` is given. */
  environment?: Environment
  /** The gateway's base URL, e.g. the `url` from `startSandbox()`. */
  baseUrl?: string
  /** Server credentials (Node). Exactly one of `credentials` and `clientToken`. */
  credentials?: ServerCredentials
  /** Client token (browsers, mobile web). */
  clientToken?: ClientTokenSource
  /** The gateway's public keys, or their URL. Default: `<baseUrl>/.well-known/jwks.json`. */
  gatewayKeys?: JSONWebKeySet | string
  /** Per-attempt timeout in ms. Default 30 000. */
  timeoutMs?: number
  /** Retries after the first attempt for retryable failures. Default 2. */
  maxRetries?: number
  /**
   * The largest response body read into memory, in bytes; past it the SDK stops reading, drops the
   * connection and throws `response_too_large` before verifying anything. Default 16 MiB. Streamed
   * downloads (statements) are not buffered and not capped; their error answers are.
   */
  maxResponseBytes?: number
  /** Receives every log line at or above `logLevel`, already redacted and masked. */
  logger?: Logger
  /** Minimum level logged. Default `warn` for the console, `debug` when you pass a `logger`. */
  logLevel?: LogLevel
  /**
   * Request lifecycle hooks (`onRequest`, `onResponse`, `onRetry`, `onError`) for metrics and
   * tracing, e.g. `otelHooks()` from `@ecny/sdk-core/otel`. They see no secrets and no personal ids;
   * one that throws is logged once and ignored.
   */
  hooks?: RequestHooks
  /** Accepted clock difference for gateway signatures, in seconds. Default 300. */
  signatureToleranceSeconds?: number
  /**
   * The clock for signature timestamps, in epoch ms. Default `Date.now`. Tests that move a simulated
   * gateway's clock pass it here (`now: rails.clock.now`) so both sides agree on the time.
   */
  now?: () => number
  /** A preconfigured axios instance (proxies, agents, interceptors). Node's default is a plain axios. */
  axios?: AxiosInstance
  /** Use `fetch` instead of axios (the default in the browser build and on edge runtimes). */
  fetch?: typeof fetch
  /** Server credentials in a browser expose your private key to every visitor. Off by default. */
  dangerouslyAllowBrowser?: boolean
  /**
   * Speak an operator's own wire format instead of the reference protocol, e.g. `cmb({...})` from
   * `@ecny/operator-cmb`. Its host replaces `baseUrl`; `credentials`, `clientToken` and `gatewayKeys`
   * are not used (the operator carries its own keys).
   */
  operator?: Operator
}
