import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatStatementCsv } from './formatCsv.js'
import { parseStatementCsv, statementCsvColumns } from './parseStatementCsv.js'
import { collect, orderRow, refundRow } from './testRows.js'

const header = statementCsvColumns.join(',')
const parse = (text: string | Uint8Array[]) =>
  collect(parseStatementCsv(typeof text === 'string' ? [text] : text, { name: 'statement.csv' }))

describe('parseStatementCsv', () => {
  it('reads typed rows; refund rows carry the merchant refund number', async () => {
    const rows = await parse(
      `${header}\norder,ord_1,M-1,ord_1,qr,succeeded,1234,0,0021000000000001,2025-01-01T10:00:00+08:00\n` +
        'refund,rfd_1,R-1,ord_1,qr,processing,300,0,,2025-01-01T11:00:00+08:00\n',
    )
    expect(rows).toEqual([
      orderRow('M-1', { amount: 1234, id: 'ord_1', orderId: 'ord_1', line: 2 }),
      refundRow('R-1', { status: 'processing', id: 'rfd_1', line: 3 }),
    ])
  })

  it('keeps unknown statuses and modes verbatim', async () => {
    const [row] = await parse(`${header}\norder,o,M,o,nfc,frozen,1,0,,t\n`)
    expect(row).toMatchObject({ status: 'frozen', mode: 'nfc' })
  })

  it('finds columns by name, in any order, ignoring extra ones', async () => {
    const reordered = ['extra', ...statementCsvColumns].reverse().join(',')
    const [row] = await parse(`${reordered}\nt,,0,100,succeeded,qr,ord_9,M-9,ord_9,order,x\n`)
    expect(row).toMatchObject({ recordType: 'order', merchantOrderNo: 'M-9', amount: 100, occurredAt: 't' })
  })

  it('reads quoted fields, including ones spanning lines', async () => {
    const rows = await parse(
      `${header}\norder,"ord,1","M ""1""",ord_1,qr,succeeded,1,0,"a\nb",t\norder,o2,M2,o2,qr,failed,2,0,,t\n`,
    )
    expect(
      rows.map((row) => [
        row.id,
        row.recordType === 'order' && row.merchantOrderNo,
        row.payerWalletId,
        row.line,
      ]),
    ).toEqual([
      ['ord,1', 'M "1"', 'a\nb', 2],
      ['o2', 'M2', null, 4],
    ])
  })

  it('round-trips what formatStatementCsv writes, however the bytes are chunked', async () => {
    const field = fc.string({ unit: 'binary', minLength: 1, maxLength: 8 })
    const row = fc.record({
      no: field,
      id: field,
      refund: fc.boolean(),
      payer: fc.option(field, { nil: null }),
      amount: fc.nat(),
      status: fc.constantFrom('succeeded', 'failed', 'processing', '状态'),
    })
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (specs, cuts) => {
          const rows = specs.map((spec) => {
            const build = spec.refund ? refundRow : orderRow
            return build(spec.no, {
              id: spec.id,
              payerWalletId: spec.payer,
              amount: spec.amount,
              status: spec.status,
              line: 0,
            })
          })
          const text = (await collect(formatStatementCsv(rows))).join('')
          const bytes = new TextEncoder().encode(text)
          const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b)
          const chunks = [0, ...points].map((start, i) => bytes.slice(start, [...points, bytes.length][i]))
          const parsed = await parse(chunks)
          // Line ends are read as `\n` (readLines.ts), also inside a quoted field: `\r\n` there reads as `\n`.
          const asRead = (value: unknown) =>
            typeof value === 'string' ? value.replaceAll('\r\n', '\n') : value
          const expected = rows.map(({ line, ...rest }) =>
            Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, asRead(value)])),
          )
          expect(parsed.map(({ line, ...rest }) => rest)).toEqual(expected)
        },
      ),
      { numRuns: 100 },
    )
  })

  it('names file, line and column of a bad amount', async () => {
    const text = `${header}\norder,o,M,o,qr,succeeded,1,0,,t\norder,o,M,o,qr,succeeded,12.50,0,,t\n`
    await expect(parse(text)).rejects.toMatchObject({
      code: 'invalid_request',
      shortMessage:
        'statement.csv line 3, column 7 (amount): expected integer fen (no decimal point), got "12.50"',
    })
  })

  it('rejects short lines, bad record types, empty keys, missing columns and unclosed quotes', async () => {
    await expect(parse(`${header}\norder,o,M\n`)).rejects.toThrow(
      'statement.csv line 2: expected 10 fields like the header, found 3',
    )
    await expect(parse(`${header}\npayment,o,M,o,qr,succeeded,1,0,,t\n`)).rejects.toThrow(
      'line 2, column 1 (recordType): expected order or refund, got "payment"',
    )
    await expect(parse(`${header}\norder,o,,o,qr,succeeded,1,0,,t\n`)).rejects.toThrow(
      'column 3 (merchantOrderNo): is empty',
    )
    await expect(parse(`${header}\norder,o,M,o,qr,succeeded,1,-5,,t\n`)).rejects.toThrow(
      'column 8 (refundedAmount)',
    )
    await expect(parse('recordType,id\n')).rejects.toThrow(
      'statement.csv line 1: missing columns merchantOrderNo',
    )
    await expect(parse(`${header}\norder,"o,M\n`)).rejects.toThrow(
      'line 2: a quoted field is not closed before the end of the file',
    )
  })

  it('reports progress per chunk', async () => {
    const seen: number[] = []
    await collect(
      parseStatementCsv([`${header}\norder,o,M,o,qr,succeeded,1,0,,t\n`], {
        onProgress: (n) => seen.push(n),
      }),
    )
    expect(seen).toEqual([2])
  })
})
