import { operations } from '@ecny/protocol'
import {
  type CallOptions,
  createEcnyError,
  EcnyError,
  type NotFoundError,
  type RequestErrorType,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { calendarDate, gatewayId } from '../../internal/inputs.js'
import { merchantIdFor } from '../../internal/merchantIdFor.js'
import { parseStatementCsv } from '../../reconcile/parseStatementCsv.js'
import type { StatementRow } from '../../reconcile/types.js'

const downloadStatementParameters = z.object({
  /** The statement's day, `YYYY-MM-DD`, in Asia/Shanghai time. */
  date: calendarDate('date'),
  merchantId: z.optional(gatewayId('merchantId')),
  /**
   * Keep the verified CSV at this path (it is written there while downloading and left in place).
   * Default: a temporary file, deleted when you stop reading rows.
   */
  saveTo: z.optional(z.string().check(z.minLength(1, { error: 'saveTo must be a file path' }))),
})

export type DownloadStatementParameters = z.input<typeof downloadStatementParameters>
export type DownloadStatementReturnType = AsyncGenerator<StatementRow, void, undefined>
/** What downloadStatement can throw: see each code in docs/errors.md. */
export type DownloadStatementErrorType = NotFoundError | RequestErrorType

/**
 * Downloads the gateway's signed daily statement and yields its rows (orders and refunds of that
 * Asia/Shanghai day). The CSV is streamed to a file while being hashed, and its signature is checked
 * against that hash **before** the first row is parsed: a statement altered in transit throws
 * `signature_invalid` and yields nothing. The file is read back row by row, so memory stays flat
 * whatever the size. Node only (it uses `node:fs`, loaded when called).
 *
 * @example
 * for await (const row of downloadStatement(client, { date: '2025-01-01' })) {
 *   if (row.recordType === 'order') totals += row.amount
 * }
 * // Or reconcile straight away:
 * const report = await reconcileToReport(downloadStatement(client, { date }), myRecords)
 */
export async function* downloadStatement(
  client: MerchantBaseClient,
  parameters: DownloadStatementParameters,
  options: Pick<CallOptions, 'signal'> = {},
): DownloadStatementReturnType {
  const input = parseInput(downloadStatementParameters, parameters, 'statement download')
  const merchantId = merchantIdFor(client, input.merchantId)
  const [fs, fsp, os, path, { createHash }] = await Promise.all([
    import('node:fs'),
    import('node:fs/promises'),
    import('node:os'),
    import('node:path'),
    import('node:crypto'),
  ])
  let tempDir: string | undefined
  let file = input.saveTo
  let verified = false
  if (file === undefined) {
    tempDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ecny-statement-'))
    file = path.join(tempDir, `statement-${input.date}.csv`)
  }
  const target = file
  const handle = await fsp.open(target, 'w').catch(async (cause: unknown) => {
    if (tempDir !== undefined) await fsp.rm(tempDir, { recursive: true, force: true })
    throw createEcnyError('invalid_request', `Cannot write the statement to ${target}.`, {
      hint: 'Pass a saveTo path in a directory that exists and is writable; nothing was downloaded.',
      cause,
    })
  })
  try {
    const hash = createHash('sha256')
    try {
      const statement = fromOperation(operations.getStatement, { date: input.date })
      const response = await client.requestStream({
        path: statement.path,
        operation: statement.operation,
        route: statement.route,
        query: merchantId === undefined ? undefined : { merchantId },
        signal: options.signal,
      })
      try {
        for await (const chunk of response.body) {
          const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk
          hash.update(bytes)
          await handle.write(bytes)
        }
      } catch (cause) {
        if (cause instanceof EcnyError) throw cause
        throw createEcnyError(
          'connection_error',
          `The statement for ${input.date} was cut off while downloading.`,
          {
            hint: 'Download it again; statements are safe to fetch any number of times.',
            requestId: response.requestId,
            cause,
          },
        )
      }
      await handle.close()
      // Nothing in the file is trusted, or parsed, before this passes.
      await response.verify(hash.digest('base64url'))
      verified = true
    } finally {
      await handle.close().catch(() => {})
    }
    yield* parseStatementCsv(fs.createReadStream(target), { name: path.basename(target) })
  } catch (error) {
    if (input.saveTo !== undefined && !verified) await fsp.rm(target, { force: true })
    throw error
  } finally {
    if (tempDir !== undefined) await fsp.rm(tempDir, { recursive: true, force: true })
  }
}
