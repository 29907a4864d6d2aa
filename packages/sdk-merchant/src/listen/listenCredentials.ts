import { readFileSync } from 'node:fs'
import { InvalidRequestError, type ServerCredentials } from '@ecny/sdk-core'

/** Where `ecny listen` finds the sandbox and the app it signs as. */
export type ListenEnv = Record<string, string | undefined>

const invalid = (message: string) =>
  new InvalidRequestError('invalid_request', message, {
    hint: 'Pass --credentials with the {"appId":…,"privateKey":…} line the sandbox printed (or @file), or set ECNY_CREDENTIALS, or ECNY_APP_ID and ECNY_PRIVATE_KEY.',
  })

/**
 * The app credential `ecny listen` signs with: `--credentials` (the JSON line `ecny-sandbox`
 * prints, or `@file` holding it), else `ECNY_CREDENTIALS`, else `ECNY_APP_ID` + `ECNY_PRIVATE_KEY`
 * (a private JWK as JSON, or a PKCS#8 PEM).
 *
 * @example
 * listenCredentials(undefined, { ECNY_CREDENTIALS: '{"appId":"app_sandbox","privateKey":{…}}' })
 */
export function listenCredentials(flag: string | undefined, env: ListenEnv): ServerCredentials {
  const text = flag ?? env.ECNY_CREDENTIALS
  if (text !== undefined) {
    let parsed: { appId?: unknown; privateKey?: unknown }
    try {
      parsed = JSON.parse(text.startsWith('@') ? readFileSync(text.slice(1), 'utf8') : text) as typeof parsed
    } catch {
      throw invalid('The credentials are not JSON (or the @file cannot be read).')
    }
    if (
      typeof parsed.appId !== 'string' ||
      typeof parsed.privateKey !== 'object' ||
      parsed.privateKey === null
    ) {
      throw invalid('The credentials need "appId" and "privateKey" (a private JWK).')
    }
    return {
      appId: parsed.appId,
      privateKey: parsed.privateKey as Record<string, unknown>,
    } as ServerCredentials
  }
  const key = env.ECNY_PRIVATE_KEY?.trim()
  if (env.ECNY_APP_ID && key) {
    try {
      return {
        appId: env.ECNY_APP_ID,
        privateKey: key.startsWith('{') ? JSON.parse(key) : key,
      } as ServerCredentials
    } catch {
      throw invalid('ECNY_PRIVATE_KEY looks like JSON but does not parse.')
    }
  }
  throw invalid('ecny listen needs the app credentials of the sandbox.')
}
