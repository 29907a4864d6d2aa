import type { CallOptions } from '@ecny/sdk-core'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { nodeOnly } from '../../internal/nodeOnly.js'
// Type-only (erased from the bundle): the same types as on Node.
import type { DownloadStatementParameters, DownloadStatementReturnType } from './downloadStatement.js'

export type {
  DownloadStatementErrorType,
  DownloadStatementParameters,
  DownloadStatementReturnType,
} from './downloadStatement.js'

/**
 * The edge build's `downloadStatement`: the statement is streamed to a file while its signature is
 * checked, and edge runtimes have no disk, so this stand-in throws `unsupported_runtime`.
 *
 * @example
 * downloadStatement(client, { date: '2025-01-01' }).next() // rejects with unsupported_runtime on edge
 */
// biome-ignore lint/correctness/useYield: the Node generator's shape, so it rejects on the first next() as the Node one would on a failure
export async function* downloadStatement(
  _client: MerchantBaseClient,
  _parameters: DownloadStatementParameters,
  _options: Pick<CallOptions, 'signal'> = {},
): DownloadStatementReturnType {
  throw nodeOnly(
    'downloadStatement',
    'Download and reconcile statements from a Node job (a scheduled task or a server), not from an edge function.',
  )
}
