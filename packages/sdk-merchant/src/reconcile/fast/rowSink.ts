/**
 * Where the fast path puts a row: only what the join needs, as positions in a byte segment. The
 * row's text (`text`…`text + textLength`) is a CSV line, or the JSON array of its fields when the row
 * came through the quoted-field parser (flag {@link rowFlags.json}); the key and the gateway order id
 * are byte ranges inside the same segment (after the text for JSON rows).
 */
export interface RowSink {
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
  ): void
}

/** Bits of a row's `flags`. */
export const rowFlags = { merchant: 1, refund: 2, json: 4 } as const

/**
 * Status codes: the gateway's outcome (statement rows) or the merchant's status (merchant rows).
 * Only used to decide "matched" without building rows; everything else is classified from rows.
 */
export const statusCodes = { pending: 0, succeeded: 1, failed: 2, unknown: 3 } as const

/**
 * FNV-1a over a key's bytes and its record type, finished with a murmur3 mix so that the low bits
 * (the hash table's slot) spread well even for near-sequential keys such as `M000000123`.
 *
 * @example
 * keyHash(buffer, 0, 5, 0)
 */
export function keyHash(segment: Buffer, start: number, length: number, refund: number): number {
  let hash = 0x811c9dc5 ^ refund
  for (let i = start, end = start + length; i < end; i++) {
    hash = Math.imul(hash ^ segment[i]!, 0x01000193)
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b)
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35)
  return (hash ^ (hash >>> 16)) | 0
}
