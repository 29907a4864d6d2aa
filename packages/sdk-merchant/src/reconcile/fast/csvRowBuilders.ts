import { InvalidRequestError } from '@ecny/sdk-core'
import type { RowBuilders } from './partitionJoin.js'
import type { MerchantReader, StatementReader } from './scanCsv.js'
import { LineRereader } from './sourceFile.js'

/**
 * The {@link RowBuilders} of a CSV run, on whichever thread joins: rows are rebuilt by the sides'
 * readers (their headers read), lines kept as positions are read again from the files at these
 * paths (`undefined`: the side's text is in its records). `close` closes the files.
 *
 * @example
 * const { builders, close } = csvRowBuilders(statementReader, merchantReader, 's.csv', 'r.csv')
 */
export function csvRowBuilders(
  statementReader: StatementReader,
  merchantReader: MerchantReader,
  statementPath: string | undefined,
  merchantPath: string | undefined,
): { builders: RowBuilders; close(): void } {
  const merchantLines = merchantPath === undefined ? undefined : new LineRereader(merchantPath)
  const statementLines = statementPath === undefined ? undefined : new LineRereader(statementPath)
  const builders: RowBuilders = {
    statement: (fields, line) => statementReader.row(fields, line),
    merchant: (fields, line) => merchantReader.row(fields, line),
    reread: (isMerchant, offset, length) =>
      (isMerchant ? merchantLines : statementLines)!.read(offset, length),
    changed: (isMerchant, line) => {
      throw new InvalidRequestError(
        'invalid_request',
        `${isMerchant ? merchantReader.file : statementReader.file} line ${line} changed while it was being reconciled`,
        { hint: 'Do not modify the input files until reconcile has finished; run again.' },
      )
    },
    continuedLines: 0,
  }
  return {
    builders,
    close: () => {
      merchantLines?.close()
      statementLines?.close()
    },
  }
}
