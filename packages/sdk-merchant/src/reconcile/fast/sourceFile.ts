import { Buffer } from 'node:buffer'
import { closeSync, fstatSync, openSync, ReadStream, readSync } from 'node:fs'
import { open } from 'node:fs/promises'
import type { ByteSource } from '../csv/toAsyncIterable.js'

/**
 * The path of a source that can be read again byte for byte: an unread `fs.ReadStream` of a whole
 * file, giving bytes (no encoding). `undefined` for anything else (a download, a socket, an iterable).
 *
 * @example
 * rereadablePath(createReadStream('records.csv')) // 'records.csv'
 * rereadablePath(response.body)                  // undefined
 */
export function rereadablePath(source: ByteSource): string | undefined {
  if (!(source instanceof ReadStream)) return undefined
  const stream = source as ReadStream & { start?: number; end?: number }
  if (typeof stream.path !== 'string' || stream.bytesRead !== 0 || stream.readableEncoding !== null)
    return undefined
  if ((stream.start ?? 0) !== 0 || (stream.end !== undefined && stream.end !== Number.POSITIVE_INFINITY))
    return undefined
  return stream.path
}

/**
 * Reads lines of a file again by their byte offset, for the few rows that are reported: the join
 * keeps where a line is instead of its text.
 *
 * @example
 * const lines = new LineRereader('records.csv')
 * lines.read(1234, 47) // 'order,M000013002,ord_000013002,335605,succeeded'
 * lines.close()
 */
export class LineRereader {
  private fd: number | undefined
  private buffer = Buffer.allocUnsafe(1 << 12)

  constructor(readonly path: string) {}

  read(offset: number, length: number): string {
    this.fd ??= openSync(this.path, 'r')
    if (this.buffer.length < length) this.buffer = Buffer.allocUnsafe(length)
    let have = 0
    while (have < length) {
      const read = readSync(this.fd, this.buffer, have, length - have, offset + have)
      if (read === 0) break
      have += read
    }
    return this.buffer.toString('utf8', 0, have)
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }
}

/** Bytes read at a time; also the unit a file is split in between two readers (see {@link claimedChunks}). */
export const chunkSize = 1 << 20

/**
 * Where the first line starting at or after `offset` starts (the byte after the first `\n` from
 * `offset - 1` on); the file's size if there is none.
 *
 * @example
 * lineStart('statement.csv', 1 << 20) // 1048663
 */
export function lineStart(path: string, offset: number): number {
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    if (offset === 0 || offset >= size) return Math.min(offset, size)
    const buffer = Buffer.allocUnsafe(1 << 16)
    for (let at = offset - 1; ; ) {
      const read = readSync(fd, buffer, 0, buffer.length, at)
      if (read === 0) return at
      const newline = buffer.subarray(0, read).indexOf(10)
      if (newline !== -1) return at + newline + 1
      at += read
    }
  } finally {
    closeSync(fd)
  }
}

/**
 * The bytes of a file in 1 MiB chunks read into a few buffers used in turn, so reading a big file
 * neither allocates nor page-faults a fresh buffer per chunk. Safe for {@link LineChunker}, which
 * holds at most the chunks of one unfinished line (`maxLineLength` bounds it) and copies what it
 * keeps; `stream` (the source it replaces) is closed. From `start` on when given (the start of a
 * line: see {@link lineStart}).
 *
 * @example
 * for await (const chunk of fileChunks(createReadStream('records.csv'), 'records.csv', 1 << 20)) use(chunk)
 */
export async function* fileChunks(
  stream: ReadStream | undefined,
  path: string,
  maxLineLength: number,
  start = 0,
  reuse?: ChunkBuffers,
): AsyncGenerator<Buffer> {
  stream?.destroy()
  const buffers = (reuse ?? new ChunkBuffers()).take(maxLineLength)
  const handle = await open(path, 'r')
  try {
    for (let n = 0, at = start; ; n++) {
      const buffer = buffers[n % buffers.length]!
      const { bytesRead } = await handle.read(buffer, 0, chunkSize, at)
      if (bytesRead === 0) return
      at += bytesRead
      yield buffer.subarray(0, bytesRead)
    }
  } finally {
    await handle.close()
  }
}

/**
 * The buffers {@link fileChunks} reads into, kept for the next file read on the same thread (one
 * after the other, never two at once).
 *
 * @example
 * const buffers = new ChunkBuffers()
 * for await (const chunk of fileChunks(undefined, 'a.csv', 1 << 20, 0, buffers)) use(chunk)
 * for await (const chunk of fileChunks(undefined, 'b.csv', 1 << 20, 0, buffers)) use(chunk)
 */
export class ChunkBuffers {
  private readonly buffers: Buffer[] = []

  take(maxLineLength: number): Buffer[] {
    const count = Math.ceil(maxLineLength / chunkSize) + 3
    while (this.buffers.length < count) this.buffers.push(Buffer.allocUnsafe(chunkSize))
    return this.buffers.slice(0, count)
  }
}

/**
 * The bytes of a file as {@link fileChunks} gives them, from its start, as far as another reader
 * lets this one go: chunk `n` (the MiB at `n * chunkSize`) is read only if `claim(n)`; at the first
 * chunk refused, the bytes stop at the end of the line the previous chunk ends in (where the other
 * reader starts: {@link lineStart} of the refused chunk).
 *
 * @example
 * for await (const chunk of claimedChunks('statement.csv', 1 << 20, (n) => n < 40)) use(chunk)
 */
export async function* claimedChunks(
  path: string,
  maxLineLength: number,
  claim: (n: number) => boolean,
): AsyncGenerator<Buffer> {
  const buffers = new ChunkBuffers().take(maxLineLength)
  const handle = await open(path, 'r')
  try {
    let endsLine = true
    for (let n = 0; ; n++) {
      let buffer = buffers[n % buffers.length]!
      if (claim(n)) {
        const { bytesRead } = await handle.read(buffer, 0, chunkSize, n * chunkSize)
        if (bytesRead === 0) return
        endsLine = buffer[bytesRead - 1] === 10
        yield buffer.subarray(0, bytesRead)
        if (bytesRead < chunkSize) return
        continue
      }
      // The rest of the last line begun, up to its line end (or the end of the file).
      for (let at = n * chunkSize, k = n; !endsLine; k++) {
        buffer = buffers[k % buffers.length]!
        const { bytesRead } = await handle.read(buffer, 0, chunkSize, at)
        if (bytesRead === 0) return
        const newline = buffer.subarray(0, bytesRead).indexOf(10)
        if (newline !== -1) {
          yield buffer.subarray(0, newline + 1)
          return
        }
        at += bytesRead
        yield buffer.subarray(0, bytesRead)
      }
      return
    }
  } finally {
    await handle.close()
  }
}
