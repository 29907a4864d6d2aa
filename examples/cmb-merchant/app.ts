import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { cmb } from '@ecny/operator-cmb'
import { cmbSettingsFromEnv } from './cmbEnv.js'
import { type CmbShop, startCmbShop } from './shop.js'

export type CmbMerchant = CmbShop & {
  /** The CMB host the shop talks to (the sandbox's URL by default). */
  gateway: string
  /** The CMB-dialect sandbox the shop started, when no `CMB_` variable was set. */
  sandbox?: Sandbox
}

export type StartCmbMerchantOptions = {
  /** Where `CMB_*` come from. Default `process.env`. */
  env?: Record<string, string | undefined>
  port?: number
  host?: string
  log?: ((line: string) => void) | false
}

/**
 * The shop, configured from the environment (see `cmbEnv.ts` and the README): against CMB's test
 * host (or production, or `CMB_BASE_URL`) when the `CMB_` credentials are set, otherwise against a
 * CMB-dialect sandbox it starts on 127.0.0.1 with fresh test credentials. Throws before starting
 * anything when the configuration is incomplete or a key does not parse.
 *
 * @example
 * const shop = await startCmbMerchant({ port: 4343 })
 * console.log(shop.url, shop.gateway)
 */
export async function startCmbMerchant(options: StartCmbMerchantOptions = {}): Promise<CmbMerchant> {
  const settings = cmbSettingsFromEnv(options.env ?? process.env)
  const sandbox =
    settings.target === 'sandbox' ? await startSandbox({ dialect: 'cmb', log: false }) : undefined
  try {
    const operator = sandbox
      ? cmb({ ...sandbox.cmb!, environment: sandbox.url })
      : cmb((settings as Extract<typeof settings, { target: 'cmb' }>).config)
    const shop = await startCmbShop({
      operator,
      ...(options.port !== undefined && { port: options.port }),
      ...(options.host !== undefined && { host: options.host }),
      ...(settings.target === 'cmb' && settings.notifyUrl !== undefined && { notifyUrl: settings.notifyUrl }),
      ...(options.log !== undefined && { log: options.log }),
    })
    return {
      ...shop,
      gateway: operator.origin,
      ...(sandbox && { sandbox }),
      async close() {
        await shop.close()
        await sandbox?.close()
      },
    }
  } catch (error) {
    await sandbox?.close()
    throw error
  }
}
