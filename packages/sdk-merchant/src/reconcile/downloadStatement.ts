import { InvalidRequestError } from '@ecny/sdk-core'
import type { ByteSource } from './csv/toAsyncIterable.js'

/**
 * ⚠ PLACEHOLDER — downloads the gateway's daily statement (`GET /v1/statements/{date}`, CSV,
 * streamed). Until the merchant client is wired in here it always throws `invalid_request`; the CLI's
 * `--date` goes through this function, so wiring it enables `ecny reconcile --date` with no other
 * change. The merchant client will take its credentials from `ECNY_BASE_URL`, `ECNY_APP_ID` and
 * `ECNY_PRIVATE_KEY`.
 *
 * @example
 * const source = await downloadStatement('2025-01-31')
 * for await (const row of parseStatementCsv(source, { name: 'statement 2025-01-31' })) console.log(row.id)
 */
export async function downloadStatement(date: string): Promise<ByteSource> {
  throw new InvalidRequestError(
    'invalid_request',
    'statement download needs credentials: set ECNY_BASE_URL, ECNY_APP_ID, ECNY_PRIVATE_KEY',
    { details: { date }, hint: 'Or pass a statement you already have with --statement FILE.' },
  )
}
