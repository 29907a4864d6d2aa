import { Buffer } from 'node:buffer'
import { closeSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'

/** Bytes buffered per file before they are written out. */
export const bufferedFileSize = 1 << 16

/**
 * `count` temp files written through one byte buffer each, outside the JS heap, and flushed
 * synchronously when full (each write is a small copy into the page cache, cheaper than a promise).
 * The partition writers of both reconcile paths sit on it; they decide what goes in which file.
 *
 * @example
 * const files = BufferedFiles.create(dir, 'p', 64)
 * const room = files.room(3, 10)
 * if (room) files.commit(3, room.at + room.buffer.write('some text\n', room.at))
 * files.close()
 */
export class BufferedFiles {
  private readonly buffers: Buffer[]
  private readonly used: number[]
  private closed = false

  private constructor(
    readonly paths: string[],
    private readonly fds: number[],
  ) {
    this.buffers = paths.map(() => Buffer.allocUnsafe(bufferedFileSize))
    this.used = paths.map(() => 0)
  }

  /** Creates `count` empty files named `<prefix>-<n>` in `dir`. */
  static create(dir: string, prefix: string, count: number): BufferedFiles {
    const paths = Array.from({ length: count }, (_, n) => join(dir, `${prefix}-${n}`))
    const fds: number[] = []
    try {
      for (const path of paths) fds.push(openSync(path, 'w'))
    } catch (error) {
      for (const fd of fds) closeSync(fd)
      throw error
    }
    return new BufferedFiles(paths, fds)
  }

  /**
   * Room for `size` more bytes in file `n`'s buffer (flushing it first if needed): where to write,
   * then `commit` the new end. `undefined` when `size` exceeds a buffer: write it with `writeAll`.
   */
  room(n: number, size: number): { buffer: Buffer; at: number } | undefined {
    if (this.used[n]! + size > bufferedFileSize) this.flush(n)
    return size > bufferedFileSize ? undefined : { buffer: this.buffers[n]!, at: this.used[n]! }
  }

  commit(n: number, end: number): void {
    this.used[n] = end
  }

  /** Writes bytes (or text) straight to file `n`, bypassing its buffer (flush it first). */
  writeAll(n: number, data: Buffer | string, length = typeof data === 'string' ? 0 : data.length): void {
    if (typeof data === 'string') {
      writeSync(this.fds[n]!, data)
      return
    }
    let written = 0
    while (written < length) written += writeSync(this.fds[n]!, data, written, length - written)
  }

  private flush(n: number): void {
    const used = this.used[n]!
    if (used === 0) return
    this.writeAll(n, this.buffers[n]!, used)
    this.used[n] = 0
  }

  /** Writes what is buffered and closes every file. */
  close(): void {
    for (let n = 0; n < this.paths.length; n++) this.flush(n)
    this.destroy()
  }

  /** Closes every file without writing what is buffered (after an error); safe to call twice. */
  destroy(): void {
    if (this.closed) return
    this.closed = true
    for (const fd of this.fds) {
      try {
        closeSync(fd)
      } catch {
        // already closed or never usable: nothing left to release
      }
    }
  }
}
