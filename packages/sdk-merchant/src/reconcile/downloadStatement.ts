import { type ClientConfig, InvalidRequestError } from '@ecny/sdk-core'
import { createMerchantClient } from '../client/createMerchantClient.js'
import type { StatementRow } from './types.js'

/** What the `ecny` command reads its credentials from. */
export type StatementDownloadEnv = {
  ECNY_BASE_URL?: string | undefined
  ECNY_APP_ID?: string | undefined
  /** A private JWK as JSON, or a PKCS#8 PEM. */
  ECNY_PRIVATE_KEY?: string | undefined
  /** The merchant, when the app acts for more than one. */
  ECNY_MERCHANT_ID?: string | undefined
}

function credentialsFrom(env: StatementDownloadEnv): Pick<ClientConfig, 'baseUrl' | 'credentials'> {
  const missing = (['ECNY_BASE_URL', 'ECNY_APP_ID', 'ECNY_PRIVATE_KEY'] as const).filter((name) => !env[name])
  if (missing.length > 0)
    throw new InvalidRequestError(
      'invalid_request',
      `statement download needs credentials: set ${missing.join(', ')}.`,
      { hint: 'Or pass a statement you already have with --statement FILE.' },
    )
  const key = env.ECNY_PRIVATE_KEY!.trim()
  let privateKey: string | Record<string, unknown> = key
  if (key.startsWith('{')) {
    try {
      privateKey = JSON.parse(key) as Record<string, unknown>
    } catch {
      throw new InvalidRequestError(
        'invalid_request',
        'ECNY_PRIVATE_KEY looks like JSON but does not parse.',
        {
          hint: 'Set it to a private JWK as one line of JSON, or to a PKCS#8 PEM.',
        },
      )
    }
  }
  return { baseUrl: env.ECNY_BASE_URL, credentials: { appId: env.ECNY_APP_ID!, privateKey } }
}

/**
 * The gateway's statement for one Asia/Shanghai day, as rows: downloaded with the merchant client
 * (streamed to disk, signature verified before the first row is parsed), credentials from the
 * environment. What `ecny reconcile --date` reads.
 *
 * @example
 * for await (const row of downloadStatementFromEnv('2025-01-31', process.env)) console.log(row.id)
 */
export function downloadStatementFromEnv(
  date: string,
  env: StatementDownloadEnv,
): AsyncIterable<StatementRow> {
  const client = createMerchantClient({ ...credentialsFrom(env), merchantId: env.ECNY_MERCHANT_ID })
  return client.statements.download({ date })
}
