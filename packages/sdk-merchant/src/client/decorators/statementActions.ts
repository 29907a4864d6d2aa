import type { CallOptions } from '@ecny/sdk-core'
import {
  type DownloadStatementParameters,
  type DownloadStatementReturnType,
  downloadStatement,
} from '../../actions/statements/downloadStatement.js'
import type { MerchantBaseClient } from '../MerchantBaseClient.js'

export type StatementActions = {
  statements: {
    /** Streams, verifies and parses a daily statement. See {@link downloadStatement}. */
    download: (
      parameters: DownloadStatementParameters | string,
      options?: Pick<CallOptions, 'signal'>,
    ) => DownloadStatementReturnType
  }
}

/**
 * Binds the statement actions as `client.statements.*`; `download('2025-01-01')` is short for
 * `download({ date: '2025-01-01' })`.
 *
 * @example
 * for await (const row of statementActions(base).statements.download('2025-01-01')) console.log(row.id)
 */
export function statementActions(client: MerchantBaseClient): StatementActions {
  return {
    statements: {
      download: (parameters, options) =>
        downloadStatement(
          client,
          typeof parameters === 'string' ? { date: parameters } : parameters,
          options,
        ),
    },
  }
}
