import { Buffer, isUtf8 } from 'node:buffer'
import { inputError } from '../csv/inputError.js'
import { defaultMaxLineLength, lineTooLongError } from '../csv/lineTooLongError.js'

const empty = Buffer.alloc(0)
const bom = [0xef, 0xbb, 0xbf]

/**
 * Length of a valid but unfinished UTF-8 sequence at the end of `buf` (not before `from`), 0 if the
 * bytes end on a character boundary or on something that is invalid anyway (validation reports it).
 */
function unfinishedTail(buf: Buffer, from: number): number {
  const end = buf.length
  for (let back = 1; back <= 3 && end - back >= from; back++) {
    const lead = buf[end - back]!
    if ((lead & 0xc0) === 0x80) continue
    let need = 0
    if (lead >= 0xc2 && lead <= 0xdf) need = 2
    else if (lead >= 0xe0 && lead <= 0xef) need = 3
    else if (lead >= 0xf0 && lead <= 0xf4) need = 4
    if (need === 0 || back >= need) return 0
    if (back >= 2) {
      const second = buf[end - back + 1]!
      if (lead === 0xe0 && second < 0xa0) return 0
      if (lead === 0xed && second > 0x9f) return 0
      if (lead === 0xf0 && second < 0x90) return 0
      if (lead === 0xf4 && second > 0x8f) return 0
    }
    return back
  }
  return 0
}

function decoderError(bytes: Uint8Array): unknown {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch (error) {
    return error
  }
  return new TypeError('The encoded data was not valid for encoding utf-8')
}

/**
 * Cuts a byte stream into blocks of whole lines without decoding it, applying exactly the rules of
 * `readLineBatches` (and failing with the same errors): UTF-8 is validated (natively, without
 * building strings), a byte-order mark at the start of the stream is dropped, a partial line longer
 * than the limit is refused. One block per chunk, so callers see the same batches as the text reader.
 *
 * The caller adds the lines of each block to {@link LineChunker.lines} before pushing the next chunk.
 */
export class LineChunker {
  /** Lines handed out so far (the caller counts them). */
  lines = 0
  /** Bytes of the input not handed out in any block (a dropped byte-order mark). */
  dropped = 0
  private carry: Buffer = empty
  /**
   * Byte chunks without a line end that follow `carry`, not copied into it yet (so a long line fed
   * in tiny chunks costs linear time); {@link LineChunker.joinCarry} joins them once.
   */
  private pending: Buffer[] = []
  private pendingLength = 0
  /** Trailing bytes of `carry` not validated yet: an unfinished character. */
  private unchecked = 0
  /** Where in `carry` a new decoding stream starts (its byte-order mark is dropped), or -1. */
  private bomAt = 0

  /**
   * `continued`: the bytes continue a file from the start of one of its lines (no byte-order mark
   * to drop there).
   */
  constructor(
    private readonly file: string,
    private readonly maxLineLength = defaultMaxLineLength,
    continued = false,
  ) {
    if (continued) this.bomAt = -1
  }

  /**
   * Takes a chunk; returns the bytes of the lines it completes (each ending in `\n`), as one or two
   * buffers: the line begun in an earlier chunk is joined up; the rest are views into the chunk.
   */
  push(chunk: Uint8Array | string): Buffer[] {
    if (typeof chunk !== 'string' && this.bomAt === -1) {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
      const first = bytes.indexOf(10)
      if (first === -1) return this.pushPartial(chunk, bytes)
      this.joinCarry()
      return this.pushLines(chunk, bytes, first)
    }
    this.joinCarry()
    let data: Buffer
    let validFrom: number
    if (typeof chunk === 'string') {
      // The text reader flushes its decoder before a string chunk: an unfinished character fails.
      if (this.unchecked > 0) this.fail(null, Uint8Array.of(0xe2))
      const bytes = Buffer.from(chunk, 'utf8')
      data = this.carry.length === 0 ? bytes : Buffer.concat([this.carry, bytes])
      this.bomAt = data.length
      validFrom = data.length
      this.unchecked = 0
    } else {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
      data = this.carry.length === 0 ? bytes : Buffer.concat([this.carry, bytes])
      validFrom = this.carry.length - this.unchecked
      if (this.bomAt !== -1) data = this.dropBom(data)
      const tail = unfinishedTail(data, validFrom)
      if (!isUtf8(data.subarray(validFrom, data.length - tail))) {
        this.fail(chunk, data.subarray(validFrom))
      }
      this.unchecked = tail
    }
    const last = data.lastIndexOf(10)
    if (last === -1) {
      this.carry = data
      this.checkLength([])
      return []
    }
    this.carry = data.subarray(last + 1)
    if (this.bomAt !== -1) this.bomAt -= last + 1
    const blocks = [data.subarray(0, last + 1)]
    this.checkLength(blocks)
    return blocks
  }

  /** A byte chunk without a line end, past the start of the stream: kept aside, not copied. */
  private pushPartial(chunk: Uint8Array, bytes: Buffer): Buffer[] {
    const held = this.carry.length + this.pendingLength
    // Only the unfinished character before this chunk (at most 3 bytes) is validated again.
    const fresh = this.unchecked === 0 ? bytes : Buffer.concat([this.heldTail(this.unchecked), bytes])
    const tail = unfinishedTail(fresh, 0)
    if (!isUtf8(fresh.subarray(0, fresh.length - tail))) this.fail(chunk, fresh)
    this.unchecked = tail
    if (bytes.length > 0) this.pending.push(bytes)
    this.pendingLength += bytes.length
    if (held + bytes.length - tail > this.maxLineLength) {
      this.joinCarry()
      this.checkLength([])
    }
    return []
  }

  /** The last `count` bytes held (`carry`, then the chunks kept aside), `count` at most 3. */
  private heldTail(count: number): Buffer {
    const parts: Buffer[] = []
    let need = count
    for (let i = this.pending.length - 1; i >= -1 && need > 0; i--) {
      const part = i === -1 ? this.carry : this.pending[i]!
      const take = Math.min(need, part.length)
      parts.unshift(part.subarray(part.length - take))
      need -= take
    }
    return Buffer.concat(parts)
  }

  /** Copies the chunks kept aside by {@link LineChunker.pushPartial} into `carry`. */
  private joinCarry(): void {
    if (this.pending.length === 0) return
    this.carry = Buffer.concat([this.carry, ...this.pending])
    this.pending = []
    this.pendingLength = 0
  }

  /** The common case: a byte chunk with a line end, past the start of the stream. */
  private pushLines(chunk: Uint8Array, bytes: Buffer, first: number): Buffer[] {
    const carry = this.carry
    const tail = unfinishedTail(bytes, first + 1)
    let valid: boolean
    let head: Buffer | undefined
    if (carry.length === 0) {
      valid = isUtf8(bytes.subarray(0, bytes.length - tail))
    } else {
      // Only the line that straddles the chunks is copied.
      head = Buffer.concat([carry, bytes.subarray(0, first + 1)])
      valid =
        isUtf8(head.subarray(carry.length - this.unchecked)) &&
        isUtf8(bytes.subarray(first + 1, bytes.length - tail))
    }
    if (!valid) this.fail(chunk, bytes)
    this.unchecked = tail
    const last = bytes.lastIndexOf(10)
    this.carry = bytes.subarray(last + 1)
    let blocks: Buffer[]
    if (head === undefined) blocks = [bytes.subarray(0, last + 1)]
    else if (last === first) blocks = [head]
    else blocks = [head, bytes.subarray(first + 1, last + 1)]
    this.checkLength(blocks)
    return blocks
  }

  /** Ends the stream; returns the last line (given a `\n`) when the input did not end with one. */
  end(): Buffer[] {
    this.joinCarry()
    if (this.unchecked > 0) this.fail(null, Uint8Array.of(0xe2))
    if (this.carry.length === 0) return []
    const last = Buffer.concat([this.carry, Buffer.of(10)])
    this.carry = empty
    return [last]
  }

  /** Drops a byte-order mark where a decoding stream starts, once it is known whether there is one. */
  private dropBom(data: Buffer): Buffer {
    const at = this.bomAt
    const have = data.length - at
    for (let i = 0; i < Math.min(have, 3); i++) {
      if (data[at + i] !== bom[i]) {
        this.bomAt = -1
        return data
      }
    }
    if (have < 3) return data
    this.bomAt = -1
    this.dropped += 3
    return at === 0 ? data.subarray(3) : Buffer.concat([data.subarray(0, at), data.subarray(at + 3)])
  }

  private checkLength(blocks: Buffer[]): void {
    const complete = this.carry.length - this.unchecked
    if (complete <= this.maxLineLength) return
    // Bytes outnumber UTF-16 units: only decode to know for sure.
    if (this.carry.toString('utf8', 0, complete).length <= this.maxLineLength) return
    let lines = this.lines
    for (const block of blocks) for (const byte of block) if (byte === 10) lines++
    throw lineTooLongError(this.file, lines + 1, this.maxLineLength)
  }

  private fail(chunk: Uint8Array | string | null, bad: Uint8Array): never {
    const lenient = chunk === null || typeof chunk === 'string' ? '' : new TextDecoder().decode(chunk)
    const at = lenient.indexOf('\uFFFD')
    const before = at === -1 ? '' : lenient.slice(0, at)
    const line = this.lines + before.split('\n').length
    throw inputError({ file: this.file, line }, `not valid UTF-8 (${String(decoderError(bad))})`)
  }
}
