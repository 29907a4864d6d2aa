import type { CmbConfigInput } from '@ecny/operator-cmb'

/** Where the shop sends its CMB calls: the CMB-dialect sandbox it starts itself, or a CMB host. */
export type CmbSettings =
  | { target: 'sandbox' }
  | {
      target: 'cmb'
      config: CmbConfigInput
      /** `CMB_NOTIFY_URL`: the public URL CMB posts notifications to (registered with CMB). */
      notifyUrl?: string
    }

/** The credentials CMB issues with a contract (spec appendix 1 for the test environment). */
const required = {
  CMB_APP_ID: 'appId',
  CMB_SECRET: 'secret',
  CMB_MER_ID: 'merId',
  CMB_PRIVATE_KEY: 'privateKey',
  CMB_GATEWAY_PUBLIC_KEY: 'gatewayPublicKey',
} as const
const optional = { CMB_USER_ID: 'userId', CMB_SM2_USER_ID: 'sm2UserId' } as const
const hostVariables = ['CMB_ENVIRONMENT', 'CMB_BASE_URL', 'CMB_NOTIFY_URL'] as const

const listed = (names: readonly string[]) =>
  names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`

/**
 * Reads the shop's CMB settings from the environment. No `CMB_` variable at all: the CMB-dialect
 * sandbox. All five credentials: CMB's test host (`CMB_ENVIRONMENT=production` for production, or
 * `CMB_BASE_URL` for another base URL). Anything in between throws a message naming what is missing,
 * so a half-configured shop never starts against the wrong gateway.
 *
 * @example
 * const settings = cmbSettingsFromEnv(process.env)
 * if (settings.target === 'cmb') createMerchantClient({ operator: cmb(settings.config) })
 */
export function cmbSettingsFromEnv(env: Record<string, string | undefined>): CmbSettings {
  const value = (name: string) => {
    const text = env[name]?.trim()
    return text ? text : undefined
  }
  const cmbNames = [...Object.keys(required), ...Object.keys(optional), ...hostVariables]
  if (!cmbNames.some((name) => env[name] !== undefined)) return { target: 'sandbox' }

  const missing = Object.keys(required).filter((name) => value(name) === undefined)
  if (missing.length > 0)
    throw new Error(
      `${listed(missing)} ${missing.length === 1 ? 'is' : 'are'} missing. To use CMB, set all of ${listed(
        Object.keys(required),
      )} (from your CMB contract; see examples/cmb-merchant/README.md); or none of the CMB_ variables to use the sandbox.`,
    )
  const environment = value('CMB_ENVIRONMENT')
  const baseUrl = value('CMB_BASE_URL')
  if (environment && baseUrl) throw new Error('Set either CMB_ENVIRONMENT or CMB_BASE_URL, not both.')
  if (environment && environment !== 'test' && environment !== 'production')
    throw new Error(`CMB_ENVIRONMENT must be test or production, got "${environment}".`)

  const config: Record<string, string> = { environment: baseUrl ?? environment ?? 'test' }
  for (const [name, field] of Object.entries({ ...required, ...optional })) {
    const text = value(name)
    if (text !== undefined) config[field] = text
  }
  const notifyUrl = value('CMB_NOTIFY_URL')
  return { target: 'cmb', config: config as CmbConfigInput, ...(notifyUrl !== undefined && { notifyUrl }) }
}
