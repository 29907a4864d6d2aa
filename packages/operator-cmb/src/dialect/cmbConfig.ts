import { InvalidRequestError } from '@ecny/sdk-core'
import { z } from '@ecny/sdk-core/internal'
import { parsePrivateKey, parsePublicKey } from '../keys.js'
import { defaultUserId } from '../userId.js'

/** CMB 聚合收单's hosts (§2.1). */
export const cmbHosts = {
  test: 'https://api.cmburl.cn:8065',
  production: 'https://api.cmbchina.com',
} as const

/** Every endpoint sits under this path (§2.1). */
export const cmbBasePath = '/polypay/v1.0/mchorders/'

const nonEmpty = (name: string, max: number) =>
  z
    .string({ error: `${name} must be a string` })
    .check(
      z.minLength(1, { error: `${name} must not be empty` }),
      z.maxLength(max, { error: `${name} must be at most ${max} characters` }),
    )

const keyInput = (name: string) =>
  z.union([z.string({ error: `${name} must be a string or bytes` }), z.instanceof(Uint8Array)], {
    error: `${name} must be a string or bytes`,
  })

const environment = z.union(
  [
    z.literal('test'),
    z.literal('production'),
    z.url({ protocol: /^https?$/, error: 'environment must be test, production or an http(s) base URL' }),
  ],
  { error: "environment must be 'test', 'production' or a base URL" },
)

const cmbConfigSchema = z.object({
  /** The APP ID CMB issued (header `appid`). */
  appId: nonEmpty('appId', 64),
  /** The APP SECRET CMB issued: only ever hashed into `apisign`, never sent. */
  secret: nonEmpty('secret', 128),
  /** Your CMB merchant number (商户号, `merId`). */
  merId: nonEmpty('merId', 32),
  /** CMB's cashier ID (收银员, biz field `userId`), when CMB gave you one. */
  userId: z.optional(nonEmpty('userId', 32)),
  /** The SM2 user ID in Z_A. Default `1234567812345678` (what CMB uses). */
  sm2UserId: z.optional(nonEmpty('sm2UserId', 64)),
  /** Your SM2 private key: 64 hex digits as CMB issues it, or a PEM. */
  privateKey: keyInput('privateKey'),
  /** CMB's SM2 public key, base64 SPKI as CMB publishes it, or a PEM. */
  gatewayPublicKey: keyInput('gatewayPublicKey'),
  environment,
  /** Where payment results go when an order names none. */
  notifyUrl: z.optional(z.url({ protocol: /^https?$/, error: 'notifyUrl must be an http(s) URL' })),
  /**
   * How an `app` order wakes the wallet app (§4.17 `transactionType`): `app` TT03 (APP拉起, the
   * default), `h5` TT04 (H5拉起), `mini_program` TT13 (小程序拉起).
   */
  appLaunch: z.optional(
    z.enum(['app', 'h5', 'mini_program'], { error: "appLaunch must be 'app', 'h5' or 'mini_program'" }),
  ),
})

export type CmbConfigInput = z.input<typeof cmbConfigSchema>

/** A checked configuration: keys parsed, the base URL resolved. */
export type CmbConfig = Omit<z.output<typeof cmbConfigSchema>, 'environment' | 'sm2UserId'> & {
  sm2UserId: string
  /** Scheme, host and port, no trailing slash. */
  origin: string
}

/**
 * Checks a CMB configuration (throws `invalid_request` naming the field) and resolves the host:
 * `test` → `https://api.cmburl.cn:8065`, `production` → `https://api.cmbchina.com`, or a base URL (the
 * sandbox).
 *
 * @example
 * parseCmbConfig({ appId, secret, merId, privateKey, gatewayPublicKey, environment: 'test' }).origin
 * // 'https://api.cmburl.cn:8065'
 */
export function parseCmbConfig(input: CmbConfigInput): CmbConfig {
  const parsed = z.safeParse(cmbConfigSchema, input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new InvalidRequestError(
      'invalid_request',
      `Invalid CMB configuration: ${issue.path.join('.') || 'config'}: ${issue.message}.`,
      {
        hint: 'appId, secret, merId, privateKey and gatewayPublicKey come from your CMB contract; environment is test, production or a base URL.',
      },
    )
  }
  const { environment: env, sm2UserId, ...rest } = parsed.data
  // Fail now, not on the first payment.
  parsePrivateKey(rest.privateKey)
  parsePublicKey(rest.gatewayPublicKey)
  const origin = env === 'test' || env === 'production' ? cmbHosts[env] : env.replace(/\/+$/, '')
  return { ...rest, sm2UserId: sm2UserId ?? defaultUserId, origin }
}
