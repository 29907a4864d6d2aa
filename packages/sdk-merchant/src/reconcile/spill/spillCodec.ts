import { categorizePair } from '../classify.js'
import { merchantNoOf } from '../keys.js'
import type { MerchantRecord, ReconcileCategory, StatementRow } from '../types.js'

/*
 * Rows as one line of a temp file: tab-separated, side tag first (`S` statement, `M` merchant), then
 * record type (`o`/`r`) and merchant number, so a line can be re-partitioned without decoding it.
 * A backslash escapes `\`, tab, `\n` and `\r` inside fields; a lone `\N` is null/undefined.
 */

const special = /[\\\t\n\r]/
const specialAll = /[\\\t\n\r]/g
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }
const unescapes: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r' }

function enc(value: string): string {
  return special.test(value) ? value.replace(specialAll, (c) => escapes[c]!) : value
}

function dec(value: string): string {
  return value.indexOf('\\') === -1 ? value : value.replace(/\\(.)/g, (_, c: string) => unescapes[c] ?? c)
}

function encOptional(value: string | null | undefined): string {
  return value === null || value === undefined ? '\\N' : enc(value)
}

function encLine(line: number | undefined): string {
  return line === undefined ? '' : String(line)
}

function decLine(text: string): number | undefined {
  return text.length === 0 ? undefined : Number(text)
}

/**
 * A statement row as a spill line (no line end).
 *
 * @example
 * decodeSpillLine(encodeStatementRow(row)) // ['S', row] (equal fields)
 */
export function encodeStatementRow(row: StatementRow): string {
  return `S\t${row.recordType === 'order' ? 'o' : 'r'}\t${enc(merchantNoOf(row))}\t${enc(row.id)}\t${enc(row.orderId)}\t${enc(row.mode)}\t${enc(row.status)}\t${row.amount}\t${row.refundedAmount}\t${encOptional(row.payerWalletId)}\t${enc(row.occurredAt)}\t${encLine(row.line)}`
}

/**
 * A merchant record as a spill line (no line end).
 *
 * @example
 * decodeSpillLine(encodeMerchantRecord(record)) // ['M', record] (equal fields)
 */
export function encodeMerchantRecord(record: MerchantRecord): string {
  return `M\t${record.recordType === 'order' ? 'o' : 'r'}\t${enc(merchantNoOf(record))}\t${record.amount}\t${record.status}\t${encOptional(record.orderId)}\t${encLine(record.line)}`
}

/**
 * A key for a spill line: its record type and escaped merchant number as one slice of the line.
 * Two lines have equal keys exactly when their rows have equal `reconcileKey`s.
 *
 * @example
 * spillLineKey(encodeStatementRow(row)) // 'o\tM-1'
 */
export function spillLineKey(line: string): string {
  return line.slice(2, line.indexOf('\t', 4))
}

/**
 * Reads a spill line back into the row it encodes, tagged with its side.
 *
 * @example
 * const [side, row] = decodeSpillLine(line)
 */
export function decodeSpillLine(text: string): ['S', StatementRow] | ['M', MerchantRecord] {
  const f = text.split('\t')
  const isOrder = f[1] === 'o'
  const merchantNo = dec(f[2]!)
  if (f[0] === 'M') {
    const orderId = f[5] === '\\N' ? undefined : dec(f[5]!)
    const amount = Number(f[3])
    const status = f[4] as MerchantRecord['status']
    const line = decLine(f[6]!)
    return [
      'M',
      isOrder
        ? { recordType: 'order', merchantOrderNo: merchantNo, amount, status, orderId, line }
        : { recordType: 'refund', merchantRefundNo: merchantNo, amount, status, orderId, line },
    ]
  }
  const id = dec(f[3]!)
  const orderId = dec(f[4]!)
  const mode = dec(f[5]!)
  const status = dec(f[6]!)
  const amount = Number(f[7])
  const refundedAmount = Number(f[8])
  const payerWalletId = f[9] === '\\N' ? null : dec(f[9]!)
  const occurredAt = dec(f[10]!)
  const line = decLine(f[11]!)
  return [
    'S',
    isOrder
      ? {
          recordType: 'order',
          id,
          merchantOrderNo: merchantNo,
          orderId,
          mode,
          status,
          amount,
          refundedAmount,
          payerWalletId,
          occurredAt,
          line,
        }
      : {
          recordType: 'refund',
          id,
          merchantRefundNo: merchantNo,
          orderId,
          mode,
          status,
          amount,
          refundedAmount,
          payerWalletId,
          occurredAt,
          line,
        },
  ]
}

/**
 * The category of a statement line and a merchant line of the same key, read straight from the
 * split lines without building rows (escaping is one-to-one, so encoded fields compare like the
 * values). Returns the gateway amount with it, for the totals.
 *
 * @example
 * spillPairCategory(encodeStatementRow(row).split('\t'), encodeMerchantRecord(record).split('\t')) // ['matched', 1000]
 */
export function spillPairCategory(statement: string[], merchant: string[]): [ReconcileCategory, number] {
  const amount = Number(statement[7])
  const merchantOrderId = merchant[5] === '\\N' ? undefined : merchant[5]
  return [
    categorizePair(statement[6]!, amount, statement[4]!, merchant[4]!, Number(merchant[3]), merchantOrderId),
    amount,
  ]
}
