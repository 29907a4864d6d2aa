import { Buffer } from 'node:buffer'

const empty = new Uint8Array(0)
const smallest = 1 << 16
/** Buffers kept for reuse; more are left to the garbage collector. */
const kept = 24

/**
 * Reusable memory for report text in UTF-8. A partition's text is written into buffers taken from
 * the pool (see {@link TextOut}) and given back once it is written out (by this thread, or sent back
 * by the thread that wrote it), so the bytes of a long report do not pile up as garbage waiting for
 * a collection that a mostly idle heap seldom runs.
 *
 * @example
 * const pool = new TextPool()
 * const out = new TextOut(pool)
 * out.add('{"a":1}')
 * const bytes = out.bytes()
 * write(bytes)
 * pool.release(bytes)
 */
export class TextPool {
  private readonly free: ArrayBuffer[] = []

  /** Memory of at least `size` bytes, of its own (never shared with other text, so it can be transferred). */
  take(size: number): ArrayBuffer {
    let at = -1
    for (let i = 0; i < this.free.length; i++) {
      const length = this.free[i]!.byteLength
      if (length >= size && (at === -1 || length < this.free[at]!.byteLength)) at = i
    }
    return at === -1 ? new ArrayBuffer(Math.max(smallest, size)) : this.free.splice(at, 1)[0]!
  }

  /** Takes back the memory of bytes written by a {@link TextOut} (here or on another thread). */
  release(bytes: Uint8Array | ArrayBuffer): void {
    const memory = bytes instanceof ArrayBuffer ? bytes : bytes.buffer
    if (memory.byteLength === 0 || !(memory instanceof ArrayBuffer)) return
    this.free.push(memory)
    if (this.free.length > kept) {
      let smallestAt = 0
      for (let i = 1; i < this.free.length; i++)
        if (this.free[i]!.byteLength < this.free[smallestAt]!.byteLength) smallestAt = i
      this.free.splice(smallestAt, 1)
    }
  }
}

/**
 * Text written piece by piece as UTF-8 into memory from a {@link TextPool}, growing as needed: the
 * pieces die young instead of being joined into one long string first.
 *
 * @example
 * const out = new TextOut(pool)
 * out.add('a,b\n')
 * out.bytes() // Uint8Array of 4 bytes
 */
export class TextOut {
  private buffer: Buffer | undefined
  private at = 0

  constructor(private readonly pool: TextPool) {}

  add(text: string): void {
    // A UTF-16 unit takes at most 3 bytes.
    const need = text.length * 3
    let buffer = this.buffer
    if (buffer === undefined || buffer.length - this.at < need) {
      const grown = Buffer.from(this.pool.take(Math.max(need + this.at, (buffer?.length ?? 0) * 2)))
      if (buffer !== undefined) {
        buffer.copy(grown, 0, 0, this.at)
        this.pool.release(buffer.buffer as ArrayBuffer)
      }
      buffer = grown
      this.buffer = grown
    }
    this.at += buffer.write(text, this.at, 'utf8')
  }

  /** What was written; the memory is the pool's again once released. */
  bytes(): Uint8Array {
    return this.buffer === undefined ? empty : new Uint8Array(this.buffer.buffer, 0, this.at)
  }
}
