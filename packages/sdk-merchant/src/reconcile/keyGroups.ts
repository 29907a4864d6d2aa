import { reconcileKey } from './keys.js'
import { type Tally, tallyGroup, tallyPair } from './tally.js'
import type { MerchantRecord, ReconcileEntry, StatementRow } from './types.js'

/** The rows of one key. The first row of each side is held directly; more go to the arrays. */
class Group {
  statement: StatementRow | undefined = undefined
  merchant: MerchantRecord | undefined = undefined
  moreStatement: StatementRow[] | undefined = undefined
  moreMerchant: MerchantRecord[] | undefined = undefined
}

function all<T>(first: T | undefined, more: T[] | undefined): T[] {
  if (first === undefined) return []
  return more === undefined ? [first] : [first, ...more]
}

/**
 * An in-memory hash table of rows by key (record type + merchant number): the join of one partition,
 * or of the whole input when it is small.
 *
 * @example
 * const groups = new KeyGroups()
 * groups.addStatement(row); groups.addMerchant(record)
 * for (const entry of groups.entries({ totals: emptyTotals(), includeMatched: false })) console.log(entry.category)
 */
export class KeyGroups {
  private groups = new Map<string, Group>()
  /** Rows held, both sides. */
  rows = 0

  private group(key: string): Group {
    let group = this.groups.get(key)
    if (group === undefined) {
      group = new Group()
      this.groups.set(key, group)
    }
    return group
  }

  addStatement(row: StatementRow, key = reconcileKey(row)): void {
    const group = this.group(key)
    this.rows++
    if (group.statement === undefined) group.statement = row
    else if (group.moreStatement === undefined) group.moreStatement = [row]
    else group.moreStatement.push(row)
  }

  addMerchant(record: MerchantRecord, key = reconcileKey(record)): void {
    const group = this.group(key)
    this.rows++
    if (group.merchant === undefined) group.merchant = record
    else if (group.moreMerchant === undefined) group.moreMerchant = [record]
    else group.moreMerchant.push(record)
  }

  /** Every row held, tagged by side; used when the rows move to temp files. */
  *rowsBySide(): Generator<['S', StatementRow] | ['M', MerchantRecord]> {
    for (const group of this.groups.values()) {
      for (const row of all(group.statement, group.moreStatement)) yield ['S', row]
      for (const record of all(group.merchant, group.moreMerchant)) yield ['M', record]
    }
  }

  /** Classifies and counts every key, yielding the entries `tally` wants. Empties the table as it goes. */
  *entries(tally: Tally): Generator<ReconcileEntry> {
    const groups = this.groups
    this.groups = new Map()
    this.rows = 0
    for (const group of groups.values()) {
      const { statement, merchant } = group
      const entry =
        statement !== undefined && merchant !== undefined && !group.moreStatement && !group.moreMerchant
          ? tallyPair(statement, merchant, tally)
          : tallyGroup(all(statement, group.moreStatement), all(merchant, group.moreMerchant), tally)
      if (entry !== undefined) yield entry
    }
  }
}
