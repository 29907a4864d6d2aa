/**
 * CSV formula injection (OWASP "CSV Injection"): a merchant order number, order id or status that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return must not reach a spreadsheet as a formula
 * through a CSV the SDK writes for people — the discrepancy report (`toCsv`, also what `ecny`
 * writes) and the records CSV. Text columns are neutralised (a leading `'`, field quoted); integer
 * fen columns stay numbers, negative ones included. (`formatStatementCsv` writes the gateway's
 * machine format exactly, so `parseStatementCsv` reads it back unchanged.)
 */

import {
  formatMerchantRecordsCsv,
  formatStatementCsv,
  type MerchantRecord,
  reconcile,
  type StatementRow,
  toCsv,
} from '@ecny/sdk-merchant'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseQuotedRecord } from '../../packages/sdk-merchant/src/reconcile/csv/parseQuotedRecord.js'

const hostile = ["=cmd|' /C calc'!A0", '@SUM(1+1)', '+1+1', '-2+3', '\t=1+1', '\r=1+1', '=HYPERLINK("x")']
const triggers = ['=', '+', '-', '@', '\t', '\r']

const collect = async (chunks: AsyncIterable<string>) => {
  let text = ''
  for await (const chunk of chunks) text += chunk
  return text
}

/** Every record of a CSV text (quoted fields may span lines), header first. */
const records = (text: string): string[][] => {
  const out: string[][] = []
  let pending = ''
  for (const line of text.replace(/\n$/, '').split('\n')) {
    pending = pending ? `${pending}\n${line}` : line
    const parsed = line.includes('"') || pending !== line ? parseQuotedRecord(pending) : pending.split(',')
    if (parsed === 'incomplete') continue
    if (!Array.isArray(parsed)) throw new Error(`unparsable CSV: ${JSON.stringify(pending)}`)
    out.push(parsed)
    pending = ''
  }
  return out
}

/** The raw text of each field as a spreadsheet sees it at the start of the cell. */
const cellStarts = (text: string) => records(text).flat()

const statementRow = (no: string, overrides: Partial<StatementRow> = {}): StatementRow =>
  ({
    recordType: 'order',
    id: `ord_${no}`,
    merchantOrderNo: no,
    orderId: no,
    mode: 'qr',
    status: 'succeeded',
    amount: 1000,
    refundedAmount: 0,
    payerWalletId: null,
    occurredAt: '2025-01-01T10:00:00+08:00',
    ...overrides,
  }) as StatementRow

const record = (no: string, amount = 900): MerchantRecord =>
  ({ recordType: 'order', merchantOrderNo: no, orderId: no, amount, status: 'succeeded' }) as MerchantRecord

const startsWithTrigger = (cell: string) => triggers.some((t) => cell.startsWith(t))

describe('CSV formula injection', () => {
  it('the discrepancy CSV neutralises every hostile text field', async () => {
    const text = await collect(
      toCsv(
        reconcile(
          hostile.map((no) => statementRow(no)),
          hostile.map((no) => record(no)),
        ),
      ),
    )
    const cells = cellStarts(text)
    expect(cells.filter(startsWithTrigger)).toEqual([])
    for (const value of hostile) {
      expect(cells).toContain(`'${value}`)
      expect(text).toContain(`"'${value.replaceAll('"', '""')}`)
    }
  })

  it('the records CSV neutralises hostile text fields', async () => {
    const cells = cellStarts(await collect(formatMerchantRecordsCsv(hostile.map((no) => record(no)))))
    expect(cells.filter(startsWithTrigger)).toEqual([])
    for (const value of hostile) expect(cells).toContain(`'${value}`)
  })

  it('integer fen columns stay numbers, negative ones included', async () => {
    const [, row] = records(await collect(formatMerchantRecordsCsv([record('A-1', -250)])))
    expect(row).toEqual(['order', 'A-1', 'A-1', '-250', 'succeeded'])
    const [, statement] = records(
      await collect(formatStatementCsv([statementRow('A-1', { amount: -1, refundedAmount: -2 })])),
    )
    expect(statement?.slice(6, 8)).toEqual(['-1', '-2'])
  })

  it('any text starting with a trigger comes out neutralised and otherwise intact (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...triggers), fc.string(), async (trigger, rest) => {
        const value = `${trigger}${rest}`
        const [, row] = records(await collect(formatMerchantRecordsCsv([record(value)])))
        expect(row?.[1]).toBe(`'${value}`)
        expect(row?.[2]).toBe(`'${value}`)
      }),
    )
  })

  it('plain values are written as before', async () => {
    const text = await collect(formatMerchantRecordsCsv([record('A-1001'), record('a,b')]))
    expect(text).toBe(
      'recordType,merchantOrderNo,orderId,amount,status\norder,A-1001,A-1001,900,succeeded\norder,"a,b","a,b",900,succeeded\n',
    )
  })
})
