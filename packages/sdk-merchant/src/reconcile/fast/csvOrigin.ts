import { InvalidRequestError } from '@ecny/sdk-core'
import type { ByteSource } from '../csv/toAsyncIterable.js'
import type { ParseCsvOptions } from '../parseStatementCsv.js'

/**
 * Where a parser's rows come from. `reconcile` may take the source over (see {@link claimCsv}) and
 * read its bytes directly, which skips building a row object per line.
 */
export interface CsvOrigin {
  side: 'statement' | 'merchant'
  source: ByteSource
  options: ParseCsvOptions
  /** The parser has started reading: the source is no longer whole. */
  started: boolean
  /** `reconcile` took the source over: the parser must not read it. */
  claimed: boolean
}

const origins = new WeakMap<object, CsvOrigin>()

/** A fresh origin for a parser over `source`. */
export function csvOrigin(side: CsvOrigin['side'], source: ByteSource, options: ParseCsvOptions): CsvOrigin {
  return { side, source, options, started: false, claimed: false }
}

/** Remembers where the rows of `rows` come from; returns `rows`. */
export function tagCsv<T extends object>(rows: T, origin: CsvOrigin): T {
  origins.set(rows, origin)
  return rows
}

/** Called by a parser when it starts reading; refuses if `reconcile` took its source. */
export function startCsv(origin: CsvOrigin): void {
  if (origin.claimed) {
    throw new InvalidRequestError(
      'invalid_request',
      'this parser was handed to reconcile, which reads its source; it cannot be iterated too',
    )
  }
  origin.started = true
}

/**
 * The origin of a parser's rows when `rows` came straight from `parseStatementCsv` /
 * `parseMerchantRecordsCsv` of `side` and has not been read yet; otherwise `undefined`.
 */
export function claimableCsv(rows: unknown, side: CsvOrigin['side']): CsvOrigin | undefined {
  if (typeof rows !== 'object' || rows === null) return undefined
  const origin = origins.get(rows)
  return origin !== undefined && origin.side === side && !origin.started && !origin.claimed
    ? origin
    : undefined
}

/** Takes the source of a claimable parser over. */
export function claimCsv(origin: CsvOrigin): ByteSource {
  origin.claimed = true
  return origin.source
}
