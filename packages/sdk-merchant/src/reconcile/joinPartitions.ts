import { createReadStream, readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { readLineBatches } from './csv/readLines.js'
import { PartitionFiles } from './spill/PartitionFiles.js'
import { decodeSpillLine, spillLineKey, spillPairCategory } from './spill/spillCodec.js'
import { countPair, type Tally, tallyGroup, tallyPair } from './tally.js'
import type { MerchantRecord, ReconcileEntry, StatementRow } from './types.js'

/** Settings of the partition join. */
export interface PartitionJoinSettings extends Tally {
  dir: string
  /** Rows one partition may hold in memory; a bigger one is split again. */
  memoryRows: number
  /** Files each level of splitting uses. */
  partitions: number
}

/** A partition still too big after this many splits holds one huge key: it is joined in memory anyway. */
const maxDepth = 4

function tallyLines(lines: string[], tally: Tally): ReconcileEntry | undefined {
  const statement: StatementRow[] = []
  const merchant: MerchantRecord[] = []
  for (const line of lines) {
    const decoded = decodeSpillLine(line)
    if (decoded[0] === 'S') statement.push(decoded[1])
    else merchant.push(decoded[1])
  }
  return tallyGroup(statement, merchant, tally)
}

/**
 * Joins one partition, read whole (it holds about `memoryRows` rows at most). Lines are grouped by key
 * as text; rows are decoded key by key, so they die young instead of filling the heap.
 */
async function* joinOne(path: string, tally: Tally): AsyncGenerator<ReconcileEntry> {
  const byKey = new Map<string, string | string[]>()
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.length === 0) continue
    const key = spillLineKey(line)
    const seen = byKey.get(key)
    if (seen === undefined) byKey.set(key, line)
    else if (typeof seen === 'string') byKey.set(key, [seen, line])
    else seen.push(line)
  }
  await rm(path, { force: true })
  for (const lines of byKey.values()) {
    let entry: ReconcileEntry | undefined
    if (typeof lines === 'string') {
      entry = tallyLines([lines], tally)
    } else if (lines.length === 2 && lines[0]![0] !== lines[1]![0]) {
      const [statementLine, merchantLine] = lines[0]![0] === 'S' ? lines : [lines[1]!, lines[0]!]
      const [category, amount] = spillPairCategory(statementLine!.split('\t'), merchantLine!.split('\t'))
      if (category === 'matched' && !tally.includeMatched) {
        countPair(category, amount, tally)
        continue
      }
      const statement = decodeSpillLine(statementLine!)[1] as StatementRow
      entry = tallyPair(statement, decodeSpillLine(merchantLine!)[1] as MerchantRecord, tally)
    } else {
      entry = tallyLines(lines, tally)
    }
    if (entry !== undefined) yield entry
  }
}

async function split(path: string, prefix: string, depth: number, settings: PartitionJoinSettings) {
  const files = PartitionFiles.create(settings.dir, prefix, settings.partitions, depth)
  try {
    for await (const lines of readLineBatches(createReadStream(path, { highWaterMark: 1 << 16 }), path)) {
      for (const line of lines) if (line.length > 0) files.add(spillLineKey(line), line)
    }
    files.close()
  } finally {
    files.destroy()
  }
  await rm(path, { force: true })
  return files
}

/**
 * Joins rows that were spread over partition files by key hash: one partition at a time is loaded
 * into a hash table, classified and deleted. A partition with more than `memoryRows` rows is split
 * again (with another hash seed) first, so memory stays bounded however large the input.
 *
 * @example
 * files.close()
 * for await (const entry of joinPartitions(files, 1, settings)) console.log(entry.category)
 */
export async function* joinPartitions(
  files: PartitionFiles,
  depth: number,
  settings: PartitionJoinSettings,
): AsyncGenerator<ReconcileEntry> {
  for (let n = 0; n < files.paths.length; n++) {
    const path = files.paths[n]!
    if (files.rows[n] === 0) {
      await rm(path, { force: true })
    } else if (files.rows[n]! > settings.memoryRows && depth < maxDepth) {
      const parts = await split(path, `${path.slice(settings.dir.length + 1)}.${depth}`, depth, settings)
      yield* joinPartitions(parts, depth + 1, settings)
    } else {
      yield* joinOne(path, settings)
    }
  }
}
