import type { Rails } from '@ecny/mock-rails'

/** Server credentials of an app registered on the rails, as the SDKs take them. */
export type AppCredentials = { appId: string; privateKey: Record<string, unknown> }

/**
 * Registers a demo app (a fresh ES256 key pair) on the rails and returns its credentials.
 *
 * @example
 * const credentials = await demoCredentials(rails)
 * const client = createClient({ baseUrl: railsUrl, credentials })
 */
export async function demoCredentials(
  rails: Rails,
  options?: Parameters<Rails['createDemoApp']>[0],
): Promise<AppCredentials> {
  const app = await rails.createDemoApp(options)
  return { appId: app.appId, privateKey: app.privateKey as Record<string, unknown> }
}
