import { BufferedFiles } from './BufferedFiles.js'
import { hashKey } from './hashKey.js'

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

  private constructor(
    private readonly files: BufferedFiles,
    private readonly seed: number,
  ) {
    this.rows = files.paths.map(() => 0)
  }

  /** Creates `count` empty files named `<prefix>-<n>` in `dir`, hashing keys with `seed`. */
  static create(dir: string, prefix: string, count: number, seed: number): PartitionFiles {
    return new PartitionFiles(BufferedFiles.create(dir, prefix, count), seed)
  }

  get paths(): string[] {
    return this.files.paths
  }

  /** Appends a line (without its `\n`) to the file of `key`. */
  add(key: string, line: string): void {
    const n = hashKey(key, this.seed) % this.files.paths.length
    this.rows[n]!++
    // A UTF-16 code unit takes at most 3 bytes in UTF-8; +1 for the line end.
    const room = this.files.room(n, line.length * 3 + 1)
    if (!room) {
      this.files.writeAll(n, `${line}\n`)
      return
    }
    let used = room.at
    used += room.buffer.write(line, used)
    room.buffer[used++] = 10
    this.files.commit(n, used)
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
