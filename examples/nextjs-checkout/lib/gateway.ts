import type { ServerCredentials } from '@ecny/sdk-core'

/** Where the shop's server reaches the e-CNY gateway, and as whom. Server-side only. */
export type GatewayConfig = {
  /** The gateway's base URL, e.g. `http://127.0.0.1:8787`. */
  url: string
  credentials: ServerCredentials
  /** The merchant the shop sells as; default the app's only merchant. */
  merchantId?: string
  /** `true` when this process started its own sandbox (no `ECNY_GATEWAY_URL`). */
  embedded: boolean
}

type Env = Record<string, string | undefined>

/**
 * The gateway from the environment: `ECNY_GATEWAY_URL`, `ECNY_APP_ID`, `ECNY_PRIVATE_KEY` (a private
 * JWK as JSON, or a PKCS#8 PEM), optional `ECNY_KEY_ID` and `ECNY_MERCHANT_ID`. `undefined` when
 * `ECNY_GATEWAY_URL` is not set (the app then starts an embedded sandbox).
 *
 * @example
 * const config = gatewayFromEnv(process.env) // { url, credentials, embedded: false } | undefined
 */
export function gatewayFromEnv(env: Env): GatewayConfig | undefined {
  const url = env.ECNY_GATEWAY_URL
  if (!url) return undefined
  const appId = env.ECNY_APP_ID
  const key = env.ECNY_PRIVATE_KEY
  if (!appId || !key)
    throw new Error('ECNY_GATEWAY_URL is set, so ECNY_APP_ID and ECNY_PRIVATE_KEY must be set too.')
  const privateKey = key.trimStart().startsWith('{') ? JSON.parse(key) : key
  return {
    url,
    credentials: { appId, privateKey, ...(env.ECNY_KEY_ID && { kid: env.ECNY_KEY_ID }) },
    ...(env.ECNY_MERCHANT_ID && { merchantId: env.ECNY_MERCHANT_ID }),
    embedded: false,
  }
}

/**
 * The variables that point this app at a running sandbox (what the test passes to `next start`).
 *
 * @example
 * const env = gatewayEnv({ url: sandbox.url, credentials: sandbox.credentials, merchantId: sandbox.merchantId })
 */
export function gatewayEnv(sandbox: {
  url: string
  credentials: { appId: string; kid: string; privateKey: object }
  merchantId: string
}): Record<string, string> {
  return {
    ECNY_GATEWAY_URL: sandbox.url,
    ECNY_APP_ID: sandbox.credentials.appId,
    ECNY_KEY_ID: sandbox.credentials.kid,
    ECNY_PRIVATE_KEY: JSON.stringify(sandbox.credentials.privateKey),
    ECNY_MERCHANT_ID: sandbox.merchantId,
  }
}
