import { Buffer } from 'node:buffer'
import { closeSync, openSync, readSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { keyHash, type RowSink, rowFlags } from './rowSink.js'

/**
 * Record layout (little endian): flags u8, status u8, 2 spare bytes, key length u32, order id length
 * i32 (-1: none), line u32, text length u32, amount (a safe integer: low u32, high i32), stream
 * offset of the line (low u32, high u32; 0 when the text is in the payload); then the payload: key
 * bytes, order id bytes, and the line's text when it is kept (flag {@link storedText}). Records never
 * straddle two chunks. Integers are read and written byte by byte: cheaper per row than `Buffer`'s
 * methods.
 */
export const recordHeader = 36
/** Flag: the record's payload ends with the row's text (otherwise it is re-read from its file). */
export const storedText = 8
/**
 * Flag: the record's line is counted from where a second reader of the file started (see
 * `ScanExtent.continued`); the join adds the lines before it (`RowBuilders.continuedLines`).
 */
export const continuedLine = 16

/** A partition's first chunk; each next one is twice as big, up to {@link largestChunk}. */
export const firstChunk = 1 << 12
export const largestChunk = 1 << 16

/**
 * What both sides' stores share: the bytes and rows they hold, the limits, and where spilled files go.
 */
export interface StoreBudget {
  bytes: number
  rows: number
  readonly memoryBytes: number
  readonly memoryRows: number
  /** Creates the temp directory on first use. */
  dir(): string
  /** Both stores, so that reaching the limit spills them all. */
  stores: PartitionStore[]
  /** Where the chunks are carved from. */
  slabs: Slabs
}

const slabSize = 1 << 20

/** A buffer over shared memory, so that another thread can read it without a copy. */
const sharedBuffer = (size: number) => Buffer.from(new SharedArrayBuffer(size))

/**
 * Memory for chunks, carved from 1 MiB slabs that are reused after every spill, so that memory
 * stays at the budget instead of waiting for the garbage collector to free the spilled chunks. The
 * slabs are `SharedArrayBuffer`s: once a side is read, both threads join from the same memory.
 *
 * @example
 * const slabs = new Slabs()
 * const chunk = slabs.take(4096)
 * slabs.reset() // every chunk taken so far may be written over
 */
export class Slabs {
  private readonly slabs: Buffer[] = []
  private index = -1
  private used = slabSize

  take(size: number): Buffer {
    if (size > slabSize) return sharedBuffer(size)
    if (this.used + size > slabSize) {
      this.index++
      if (this.index === this.slabs.length) this.slabs.push(sharedBuffer(slabSize))
      this.used = 0
    }
    const chunk = this.slabs[this.index]!.subarray(this.used, this.used + size)
    this.used += size
    return chunk
  }

  reset(): void {
    this.index = -1
    this.used = slabSize
  }
}

/**
 * What a store holds, as it crosses between threads (see {@link PartitionStore.handOver}): views of
 * shared memory (posting them shares, not copies) and runs in a temp file any thread can open.
 */
export interface StoreContents {
  parts: Uint8Array[][]
  runs: number[][]
  onDisk: number[]
  /** The temp file the runs are in. */
  file: string | undefined
  spilled: boolean
}

/** Partition of a key hash among `count`, from its high bits (the join's table uses the low ones). */
export function partitionOf(hash: number, count: number): number {
  return Math.floor(((hash >>> 0) * count) / 0x100000000)
}

/** Little-endian 32 bits (negative values as two's complement) by plain stores: cheaper per row than `writeUInt32LE`. */
function putU32(to: Buffer, at: number, value: number): void {
  to[at] = value
  to[at + 1] = value >>> 8
  to[at + 2] = value >>> 16
  to[at + 3] = value >>> 24
}

/** A safe integer as a low u32 and a high i32. */
function putInteger(to: Buffer, at: number, value: number): void {
  const high = Math.floor(value / 0x100000000)
  putU32(to, at, value - high * 0x100000000)
  putU32(to, at + 4, high)
}

/** The u32 at `at`. */
export function u32At(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000
}

/** The i32 at `at`. */
export function i32At(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)
}

/** The safe integer written by `putInteger` at `at`. */
export function integerAt(b: Uint8Array, at: number): number {
  return u32At(b, at) + i32At(b, at + 4) * 0x100000000
}

/** Copies `length` bytes; a loop for the short keys and ids (cheaper than a native call), else `copy`. */
function copyBytes(from: Buffer, start: number, length: number, to: Buffer, at: number): number {
  if (length > 32) return at + from.copy(to, at, start, start + length)
  for (let i = 0; i < length; i++) to[at + i] = from[start + i]!
  return at + length
}

/**
 * One side's rows, spread over `count` partitions by key hash as compact binary records: the key,
 * the stored gateway order id, the amount, status and line, and where the line is in its file (so
 * the text need not be held) or the text itself when the source cannot be read again. Held in
 * memory in growing chunks; when the shared {@link StoreBudget} is exceeded every store appends its
 * chunks to its temp file (one per side, written in order; each partition remembers its runs) and
 * starts again, so memory stays bounded and only the
 * files grow.
 *
 * @example
 * const store = new PartitionStore('m', 64, budget, true)
 * await scanCsv(records, new MerchantReader('records.csv', store), {}, (at) => { store.blockStart = at })
 * const stored = new StoredPartitions(store.handOver())
 */
export class PartitionStore implements RowSink {
  /** Stream offset of the segment being read (`-1` when the source cannot be re-read). */
  blockStart = -1
  /** Whether anything was written to disk. */
  spilled = false
  /** Flags every record gets ({@link continuedLine} for the rest of a file read by a second reader). */
  lineFlags = 0
  private readonly chunks: Buffer[][]
  private readonly current: (Buffer | undefined)[]
  private readonly used: number[]
  private readonly onDisk: number[]
  /** Per partition, the (offset, length) pairs of its records in the temp file. */
  private readonly runs: number[][]
  private fd: number | undefined
  private fileEnd = 0

  constructor(
    readonly name: string,
    readonly count: number,
    private readonly budget: StoreBudget,
    private readonly rereadable: boolean,
  ) {
    this.chunks = Array.from({ length: count }, () => [])
    this.current = Array.from({ length: count }, () => undefined)
    this.used = Array.from({ length: count }, () => 0)
    this.onDisk = Array.from({ length: count }, () => 0)
    this.runs = Array.from({ length: count }, () => [])
    budget.stores.push(this)
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
    const hash = keyHash(segment, key, keyLength, flags & rowFlags.refund)
    const reread = this.rereadable && (flags & rowFlags.json) === 0 && this.blockStart >= 0
    const idLength = Math.max(orderIdLength, 0)
    const size = recordHeader + keyLength + idLength + (reread ? 0 : textLength)
    const p = partitionOf(hash, this.count)
    let chunk = this.current[p]
    let at = this.used[p]!
    if (chunk === undefined || at + size > chunk.length) {
      if (chunk !== undefined) this.chunks[p]!.push(chunk.subarray(0, at))
      const grown = chunk === undefined ? firstChunk : Math.min(chunk.length * 2, largestChunk)
      chunk = this.budget.slabs.take(Math.max(grown, size))
      this.current[p] = chunk
      at = 0
      this.budget.bytes += chunk.length
    }
    chunk[at] = flags | this.lineFlags | (reread ? 0 : storedText)
    chunk[at + 1] = status
    putU32(chunk, at + 4, keyLength)
    putU32(chunk, at + 8, orderIdLength)
    putU32(chunk, at + 12, line)
    putU32(chunk, at + 16, textLength)
    putInteger(chunk, at + 20, amount)
    putInteger(chunk, at + 28, reread ? this.blockStart + text : 0)
    let w = copyBytes(segment, key, keyLength, chunk, at + recordHeader)
    if (idLength > 0) w = copyBytes(segment, orderId, idLength, chunk, w)
    if (!reread) w = copyBytes(segment, text, textLength, chunk, w)
    this.used[p] = w
    if (++this.budget.rows > this.budget.memoryRows || this.budget.bytes > this.budget.memoryBytes) {
      for (const store of this.budget.stores) store.spill()
      this.budget.rows = 0
      this.budget.bytes = 0
      // Every chunk is on disk now: the slabs are written over, not allocated again.
      this.budget.slabs.reset()
    }
  }

  /** Appends every partition's records to the side's temp file and drops them from memory. */
  spill(): void {
    for (let p = 0; p < this.count; p++) {
      const parts = this.held(p)
      if (parts.length === 0) continue
      this.fd ??= openSync(join(this.budget.dir(), this.name), 'w+')
      const start = this.fileEnd
      for (const part of parts) {
        let done = 0
        while (done < part.length)
          done += writeSync(this.fd, part, done, part.length - done, this.fileEnd + done)
        this.fileEnd += part.length
      }
      this.runs[p]!.push(start, this.fileEnd - start)
      this.onDisk[p]! += this.fileEnd - start
      this.spilled = true
      this.chunks[p] = []
      this.current[p] = undefined
      this.used[p] = 0
    }
  }

  /**
   * Everything the store holds, for reading it back (see {@link StoredPartitions}, on this thread or
   * another): per partition its chunks (views of shared slabs) and its runs in the temp file, which
   * is closed here for writing. The store takes no more rows.
   */
  handOver(): StoreContents {
    const parts = Array.from({ length: this.count }, (_, p) => this.held(p))
    const contents: StoreContents = {
      parts,
      runs: this.runs,
      onDisk: this.onDisk,
      file: this.fd === undefined ? undefined : join(this.budget.dir(), this.name),
      spilled: this.spilled,
    }
    this.close()
    return contents
  }

  /** Closes the temp file (it is deleted with its directory). */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }

  private held(p: number): Buffer[] {
    const chunk = this.current[p]
    const parts = this.chunks[p]!
    return chunk === undefined || this.used[p] === 0 ? parts : [...parts, chunk.subarray(0, this.used[p])]
  }
}

/**
 * A read-only view of what a {@link PartitionStore} handed over, from any thread: partitions are
 * copied out (the temp file by `pread`, the rest from shared memory) as often as needed, so a
 * partition whose join failed on one thread can be joined again on another.
 *
 * @example
 * const stored = new StoredPartitions(store.handOver())
 * const end = stored.copy(0, buffer, 0)
 * stored.close()
 */
export class StoredPartitions {
  private readonly parts: Buffer[][]
  private fd: number | undefined

  constructor(private readonly contents: StoreContents) {
    this.parts = contents.parts.map((parts) =>
      parts.map((u) => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength))),
    )
    if (contents.file !== undefined) this.fd = openSync(contents.file, 'r')
  }

  get spilled(): boolean {
    return this.contents.spilled
  }

  /** Bytes of partition `p`, on disk and in memory. */
  size(p: number): number {
    let size = this.contents.onDisk[p]!
    for (const part of this.parts[p]!) size += part.length
    return size
  }

  /**
   * Copies partition `p` (its file runs first, then what is in memory: the order it was read in)
   * into `into` at `at`. Returns the offset after the copied bytes.
   */
  copy(p: number, into: Buffer, at: number): number {
    let w = at
    const runs = this.contents.runs[p]!
    for (let r = 0; r < runs.length; r += 2) {
      const end = w + runs[r + 1]!
      for (let from = runs[r]!; w < end; ) {
        const read = readSync(this.fd!, into, w, end - w, from)
        if (read === 0) throw new Error(`temp file ${this.contents.file} is shorter than written`)
        w += read
        from += read
      }
    }
    for (const part of this.parts[p]!) w += part.copy(into, w)
    return w
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }
}

/**
 * The stream offset of a record's line (when its text is not stored in the payload).
 *
 * @example
 * fileOffset(buffer, 0) // 1234
 */
export function fileOffset(buffer: Buffer, at: number): number {
  return integerAt(buffer, at + 28)
}
