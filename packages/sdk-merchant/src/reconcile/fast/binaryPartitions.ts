import { Buffer } from 'node:buffer'
import { closeSync, openSync, readSync } from 'node:fs'
import { BufferedFiles } from '../spill/BufferedFiles.js'
import { keyHash, type RowSink } from './rowSink.js'

/**
 * Record layout: payload length u32, flags u8, status u8, 2 spare bytes, line u32, text length u32,
 * key offset u32, key length u32, order id offset i32, order id length i32, amount f64; then the
 * payload (the row's text, then for JSON rows its key and order id). Offsets are into the payload.
 */
const headerSize = 40

function partitionOf(hash: number, seed: number, count: number): number {
  let h = (hash ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  h = (h ^ (h >>> 16)) >>> 0
  return Math.floor((h / 0x100000000) * count)
}

/**
 * Temp files that rows are spread over by key hash (every row of a key in the same file), as compact
 * binary records: the join reads a file back without parsing any CSV. Writes are buffered per file
 * outside the JS heap and done synchronously (small copies into the page cache).
 *
 * @example
 * const files = BinaryPartitions.create(dir, 'p', 64, 0)
 * join.moveTo(files)
 * files.close()
 */
export class BinaryPartitions implements RowSink {
  /** Rows written to each file. */
  readonly rows: number[]
  /** Bytes written to each file. */
  readonly bytes: number[]

  private constructor(
    private readonly files: BufferedFiles,
    private readonly seed: number,
  ) {
    this.rows = files.paths.map(() => 0)
    this.bytes = files.paths.map(() => 0)
  }

  /** Creates `count` empty files named `<prefix>-<n>` in `dir`; `seed` picks the hash split. */
  static create(dir: string, prefix: string, count: number, seed: number): BinaryPartitions {
    return new BinaryPartitions(BufferedFiles.create(dir, prefix, count), seed)
  }

  get paths(): string[] {
    return this.files.paths
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
    const hash = keyHash(segment, key, keyLength, flags & 2)
    const n = partitionOf(hash, this.seed, this.files.paths.length)
    const start = Math.min(text, key, orderId === -1 ? text : orderId)
    const end = Math.max(text + textLength, key + keyLength, orderId === -1 ? 0 : orderId + orderIdLength)
    const size = headerSize + end - start
    this.rows[n]!++
    this.bytes[n]! += size
    const room = this.files.room(n, size)
    const buffer = room ? room.buffer : Buffer.allocUnsafe(size)
    const at = room ? room.at : 0
    buffer.writeUInt32LE(end - start, at)
    buffer[at + 4] = flags
    buffer[at + 5] = status
    buffer[at + 6] = 0
    buffer[at + 7] = 0
    buffer.writeUInt32LE(line, at + 8)
    buffer.writeUInt32LE(textLength, at + 12)
    buffer.writeUInt32LE(key - start, at + 16)
    buffer.writeUInt32LE(keyLength, at + 20)
    buffer.writeInt32LE(orderId === -1 ? -1 : orderId - start, at + 24)
    buffer.writeInt32LE(orderIdLength, at + 28)
    buffer.writeDoubleLE(amount, at + 32)
    // The row's text starts the payload (key and order id lie inside it, or after it for JSON rows).
    segment.copy(buffer, at + headerSize, start, end)
    if (room) this.files.commit(n, at + size)
    else this.files.writeAll(n, buffer, size)
  }

  /** Writes what is buffered and closes every file. */
  close(): void {
    this.files.close()
  }

  /** Closes every file without writing what is buffered (after an error); safe to call twice. */
  destroy(): void {
    this.files.destroy()
  }
}

/**
 * Hands every record of `buffer` (whole records from a partition file) to `sink`. Returns the
 * offset after the last whole record.
 */
export function readRecords(buffer: Buffer, length: number, sink: RowSink): number {
  let at = 0
  while (at + headerSize <= length) {
    const payload = buffer.readUInt32LE(at)
    if (at + headerSize + payload > length) break
    const base = at + headerSize
    const orderId = buffer.readInt32LE(at + 24)
    sink.add(
      buffer,
      buffer[at + 4]!,
      buffer[at + 5]!,
      buffer.readDoubleLE(at + 32),
      buffer.readUInt32LE(at + 8),
      base + buffer.readUInt32LE(at + 16),
      buffer.readUInt32LE(at + 20),
      orderId === -1 ? -1 : base + orderId,
      buffer.readInt32LE(at + 28),
      base,
      buffer.readUInt32LE(at + 12),
    )
    at = base + payload
  }
  return at
}

/** Streams the records of a partition file to `sink` in chunks (for re-splitting a big file). */
export function streamRecords(path: string, sink: RowSink): void {
  const fd = openSync(path, 'r')
  try {
    let buffer = Buffer.allocUnsafe(1 << 20)
    let have = 0
    for (;;) {
      if (have === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2)
        buffer.copy(bigger, 0, 0, have)
        buffer = bigger
      }
      const read = readSync(fd, buffer, have, buffer.length - have, null)
      if (read === 0) break
      have += read
      // The sink copies what it keeps: the buffer can be reused after each batch.
      const used = readRecords(buffer, have, sink)
      buffer.copy(buffer, 0, used, have)
      have -= used
    }
  } finally {
    closeSync(fd)
  }
}
