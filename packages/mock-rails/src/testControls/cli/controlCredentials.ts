import { readFileSync } from 'node:fs'
import type { ServerCredentials } from '@ecny/sdk-core'

/** Where the control commands find the sandbox and the app they sign as. */
export type ControlEnv = Record<string, string | undefined> & {
  ECNY_BASE_URL?: string | undefined
  ECNY_CREDENTIALS?: string | undefined
  ECNY_APP_ID?: string | undefined
  ECNY_PRIVATE_KEY?: string | undefined
}

/** The sandbox `ecny-sandbox` listens on by default. */
export const defaultSandboxUrl = 'http://127.0.0.1:8787'

/**
 * The app credential for signing control calls: `--credentials` (the JSON line the sandbox prints,
 * or `@file` holding it), else `ECNY_CREDENTIALS`, else `ECNY_APP_ID` + `ECNY_PRIVATE_KEY` (a JWK as
 * JSON, or PEM). Throws a readable error naming what to pass.
 *
 * @example
 * controlCredentials('{"appId":"app_sandbox","privateKey":{…}}', process.env)
 */
export function controlCredentials(flag: string | undefined, env: ControlEnv): ServerCredentials {
  const text = flag ?? env.ECNY_CREDENTIALS
  if (text !== undefined) {
    const json = text.startsWith('@') ? readFileSync(text.slice(1), 'utf8') : text
    let parsed: { appId?: unknown; privateKey?: unknown }
    try {
      parsed = JSON.parse(json) as typeof parsed
    } catch {
      throw new Error(
        'The credentials are not JSON. Pass the {"appId":…,"privateKey":…} line the sandbox printed, or @file holding it.',
      )
    }
    if (
      typeof parsed.appId !== 'string' ||
      typeof parsed.privateKey !== 'object' ||
      parsed.privateKey === null
    ) {
      throw new Error('The credentials need "appId" and "privateKey" (a JWK), as the sandbox printed them.')
    }
    return {
      appId: parsed.appId,
      privateKey: parsed.privateKey as Extract<ServerCredentials, { privateKey: unknown }>['privateKey'],
    }
  }
  if (env.ECNY_APP_ID && env.ECNY_PRIVATE_KEY) {
    const key = env.ECNY_PRIVATE_KEY.trim()
    return { appId: env.ECNY_APP_ID, privateKey: key.startsWith('{') ? JSON.parse(key) : key }
  }
  throw new Error(
    'No credentials. Pass --credentials with the {"appId":…,"privateKey":…} line the sandbox printed (or @file), or set ECNY_CREDENTIALS, or ECNY_APP_ID and ECNY_PRIVATE_KEY.',
  )
}
