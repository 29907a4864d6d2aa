import { Buffer } from 'node:buffer'
import { closeSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { hashKey } from './hashKey.js'

/** Bytes buffered per partition before they are written out. */
const bufferSize = 1 << 16

/**
 * A set of temp files that rows are spread over by the hash of their key, so that every row of a key
 * lands in the same file. Each line is encoded at once into a per-file byte buffer outside the JS heap
 * (so lines die young and the garbage collector never copies them), and the buffer is written out
 * when full — synchronously: each write is a small copy into the page cache, cheaper than a promise.
 *
 * @example
 * const files = PartitionFiles.create(dir, 'p', 64, 0)
 * files.add('o:M-1', 'S\to\tM-1\t…')
 * files.close()
 * console.log(files.paths, files.rows)
 */
export class PartitionFiles {
  /** Rows written to each file. */
  readonly rows: number[]
  private readonly buffers: Buffer[]
  private readonly used: number[]
  private closed = false

  private constructor(
    readonly paths: string[],
    private readonly fds: number[],
    private readonly seed: number,
  ) {
    this.rows = paths.map(() => 0)
    this.buffers = paths.map(() => Buffer.allocUnsafe(bufferSize))
    this.used = paths.map(() => 0)
  }

  /** Creates `count` empty files named `<prefix>-<n>` in `dir`, hashing keys with `seed`. */
  static create(dir: string, prefix: string, count: number, seed: number): PartitionFiles {
    const paths = Array.from({ length: count }, (_, n) => join(dir, `${prefix}-${n}`))
    const fds: number[] = []
    try {
      for (const path of paths) fds.push(openSync(path, 'w'))
    } catch (error) {
      for (const fd of fds) closeSync(fd)
      throw error
    }
    return new PartitionFiles(paths, fds, seed)
  }

  /** Appends a line (without its `\n`) to the file of `key`. */
  add(key: string, line: string): void {
    const n = hashKey(key, this.seed) % this.paths.length
    this.rows[n]!++
    // A UTF-16 code unit takes at most 3 bytes in UTF-8; +1 for the line end.
    const worstCase = line.length * 3 + 1
    if (this.used[n]! + worstCase > bufferSize) {
      this.flush(n)
      if (worstCase > bufferSize) {
        writeSync(this.fds[n]!, `${line}\n`)
        return
      }
    }
    const buffer = this.buffers[n]!
    let used = this.used[n]!
    used += buffer.write(line, used)
    buffer[used++] = 10
    this.used[n] = used
  }

  private flush(n: number): void {
    const used = this.used[n]!
    if (used === 0) return
    let written = 0
    while (written < used) written += writeSync(this.fds[n]!, this.buffers[n]!, written, used - written)
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
