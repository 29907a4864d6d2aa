import { Buffer } from 'node:buffer'

const empty = new Uint8Array(0)
const smallest = 1 << 16
/** Buffers kept for reuse; more are left to the garbage collector. */
const kept = 24

/**
 * Reusable memory for report text in UTF-8. A partition's text is encoded into a buffer taken from
 * the pool and given back once it is written (by this thread, or sent back by the thread that wrote
 * it), so the bytes of a long report do not pile up as garbage waiting for a collection that a
 * mostly idle heap seldom runs.
 *
 * @example
 * const pool = new TextPool()
 * const bytes = pool.encode('{"a":1}')
 * write(bytes)
 * pool.release(bytes)
 */
export class TextPool {
  private readonly free: ArrayBuffer[] = []

  /** `text` in UTF-8, in a buffer of its own (never shared with other text, so it can be transferred). */
  encode(text: string): Uint8Array {
    if (text.length === 0) return empty
    const size = Buffer.byteLength(text)
    let at = -1
    for (let i = 0; i < this.free.length; i++)
      if (
        this.free[i]!.byteLength >= size &&
        (at === -1 || this.free[i]!.byteLength < this.free[at]!.byteLength)
      )
        at = i
    const memory =
      at === -1 ? new ArrayBuffer(Math.max(smallest, Math.ceil(size * 1.25))) : this.free.splice(at, 1)[0]!
    Buffer.from(memory, 0, size).write(text, 0, size, 'utf8')
    return new Uint8Array(memory, 0, size)
  }

  /** Takes back the memory of bytes from {@link TextPool.encode} (here or on another thread). */
  release(bytes: Uint8Array): void {
    if (bytes.byteLength === 0 || !(bytes.buffer instanceof ArrayBuffer)) return
    this.free.push(bytes.buffer)
    if (this.free.length > kept) {
      let smallestAt = 0
      for (let i = 1; i < this.free.length; i++)
        if (this.free[i]!.byteLength < this.free[smallestAt]!.byteLength) smallestAt = i
      this.free.splice(smallestAt, 1)
    }
  }
}
