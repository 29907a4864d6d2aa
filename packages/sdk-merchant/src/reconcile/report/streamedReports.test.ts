import { describe, expect, it } from 'vitest'
import { parseMerchantRecordsCsv } from '../parseMerchantRecordsCsv.js'
import { parseStatementCsv } from '../parseStatementCsv.js'
import { reconcile } from '../reconcile.js'
import { toCsv } from './toCsv.js'
import { toJsonChunks } from './toJson.js'

const discrepancies = 1_000_000
const statementHeader =
  'recordType,id,merchantOrderNo,orderId,mode,status,amount,refundedAmount,payerWalletId,occurredAt\n'

/** `count` merchant records the statement does not have, as CSV chunks of 10,000 lines. */
function* records(count: number): Generator<string> {
  yield 'merchantOrderNo,amount,status\n'
  for (let start = 0; start < count; start += 10_000) {
    let chunk = ''
    for (let i = start; i < Math.min(count, start + 10_000); i++) chunk += `M${i},100,succeeded\n`
    yield chunk
  }
}

function run() {
  return reconcile(parseStatementCsv([statementHeader]), parseMerchantRecordsCsv(records(discrepancies)))
}

/** Reads a stream of text pieces, keeping only their count, total length and the longest. */
async function measure(pieces: AsyncIterable<string>) {
  let count = 0
  let total = 0
  let longest = 0
  let last = ''
  for await (const piece of pieces) {
    count++
    total += piece.length
    longest = Math.max(longest, piece.length)
    last = piece
  }
  return { count, total, longest, last }
}

describe('streamed reports', () => {
  it('a 1M-discrepancy JSON report comes out in pieces of about 64 KiB, never as one string', async () => {
    const reconciliation = run()
    const json = await measure(toJsonChunks(reconciliation, reconciliation.summary))
    expect(json.longest).toBeLessThan(70_000)
    expect(json.count).toBeGreaterThan(json.total / 70_000)
    expect(json.last).toContain(`"discrepancies": ${discrepancies}`)
  }, 120_000)

  it('a 1M-discrepancy CSV report comes out in pieces of about 64 KiB, never as one string', async () => {
    const csv = await measure(toCsv(run()))
    expect(csv.longest).toBeLessThan(70_000)
    expect(csv.count).toBeGreaterThan(csv.total / 70_000)
    // The header, then one line per discrepancy.
    expect(csv.total).toBeGreaterThan(discrepancies * 'merchant_only,order,M1,100,,succeeded'.length)
  }, 120_000)
})
