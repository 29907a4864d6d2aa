import { mkdtempSync, readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ByteSource } from '../csv/toAsyncIterable.js'
import type { ParseCsvOptions } from '../parseStatementCsv.js'
import type { Tally } from '../tally.js'
import type { ReconcileEntry } from '../types.js'
import { BinaryPartitions, readRecords, streamRecords } from './binaryPartitions.js'
import { CompactJoin, type RowBuilders } from './compactJoin.js'
import type { RowSink } from './rowSink.js'
import { MerchantReader, StatementReader, scanCsv } from './scanCsv.js'

/** One side of a CSV run: its bytes and the parser options it was given. */
export interface CsvInput {
  source: ByteSource
  options: ParseCsvOptions
}

/** Settings of a CSV run. */
export interface CsvRunSettings extends Tally {
  memoryRows: number
  /** Bytes of input held in memory before spilling (lines are kept as they came). */
  memoryBytes: number
  partitions: number
  tempDir: string | undefined
  inputRows: { statement: number; merchant: number }
}

/** A partition still too big after this many splits holds one huge key: it is joined in memory anyway. */
const maxDepth = 4

/**
 * Routes rows to the in-memory join until it holds more than `memoryRows` rows or `memoryBytes`
 * bytes, then moves them to partition files and sends every later row there.
 */
class Router implements RowSink {
  join: CompactJoin | undefined
  files: BinaryPartitions | undefined
  dir: string | undefined

  constructor(private readonly settings: CsvRunSettings) {
    this.join = new CompactJoin()
  }

  add(
    segment: Buffer,
    flags: number,
    status: number,
    amount: number,
    line: number,
    key: number,
    keyLength: number,
    orderId: number,
    orderIdLength: number,
    text: number,
    textLength: number,
  ): void {
    const join = this.join
    if (join === undefined) {
      this.files!.add(
        segment,
        flags,
        status,
        amount,
        line,
        key,
        keyLength,
        orderId,
        orderIdLength,
        text,
        textLength,
      )
      return
    }
    join.add(segment, flags, status, amount, line, key, keyLength, orderId, orderIdLength, text, textLength)
    if (join.rows > this.settings.memoryRows || join.bytes > this.settings.memoryBytes) this.spill(join)
  }

  private spill(join: CompactJoin): void {
    this.dir = mkdtempSync(join_(this.settings.tempDir ?? tmpdir(), 'ecny-reconcile-'))
    this.files = BinaryPartitions.create(this.dir, 'p', this.settings.partitions, 0)
    join.moveTo(this.files)
    join.release()
    this.join = undefined
  }
}
const join_ = join

async function* joinPartitions(
  files: BinaryPartitions,
  depth: number,
  dir: string,
  settings: CsvRunSettings,
  build: RowBuilders,
): AsyncGenerator<ReconcileEntry> {
  for (let n = 0; n < files.paths.length; n++) {
    const path = files.paths[n]!
    const rows = files.rows[n]!
    if (rows === 0) {
      await rm(path, { force: true })
    } else if ((rows > settings.memoryRows || files.bytes[n]! > settings.memoryBytes) && depth < maxDepth) {
      const parts = BinaryPartitions.create(
        dir,
        `${path.slice(dir.length + 1)}.${depth}`,
        settings.partitions,
        depth,
      )
      try {
        streamRecords(path, parts)
        parts.close()
      } finally {
        parts.destroy()
      }
      await rm(path, { force: true })
      yield* joinPartitions(parts, depth + 1, dir, settings, build)
    } else {
      const buffer = readFileSync(path)
      await rm(path, { force: true })
      const join = new CompactJoin()
      readRecords(buffer, buffer.length, join)
      yield* join.entries(settings, build)
    }
  }
}

/**
 * Reconciles two CSV sources straight from their bytes: the merchant's records first, then the
 * statement, into a {@link CompactJoin}; past the memory limits, into binary partition files joined
 * one at a time. Fills `settings.totals` and `settings.inputRows`; yields the entries wanted.
 * Returns whether it partitioned.
 */
export async function* reconcileCsv(
  statement: CsvInput,
  merchant: CsvInput,
  settings: CsvRunSettings,
): AsyncGenerator<ReconcileEntry, boolean> {
  const router = new Router(settings)
  const merchantReader = new MerchantReader(merchant.options.name ?? 'merchant records', router)
  const statementReader = new StatementReader(statement.options.name ?? 'statement', router)
  const build: RowBuilders = {
    statement: (fields, line) => statementReader.row(fields, line),
    merchant: (fields, line) => merchantReader.row(fields, line),
  }
  try {
    settings.inputRows.merchant = await scanCsv(merchant.source, merchantReader, merchant.options)
    settings.inputRows.statement = await scanCsv(statement.source, statementReader, statement.options)
    if (router.join !== undefined) {
      yield* router.join.entries(settings, build)
      return false
    }
    router.files!.close()
    yield* joinPartitions(router.files!, 1, router.dir!, settings, build)
    return true
  } finally {
    router.join?.release()
    router.files?.destroy()
    if (router.dir !== undefined) await rm(router.dir, { recursive: true, force: true })
  }
}
