import { Buffer } from 'node:buffer'
import { closeSync, openSync, ReadStream, readSync } from 'node:fs'
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

const chunkSize = 1 << 20

/**
 * The bytes of a file in 1 MiB chunks read into a few buffers used in turn, so reading a big file
 * neither allocates nor page-faults a fresh buffer per chunk. Safe for {@link LineChunker}, which
 * holds at most the chunks of one unfinished line (`maxLineLength` bounds it) and copies what it
 * keeps; `stream` (the source it replaces) is closed.
 *
 * @example
 * for await (const chunk of fileChunks(createReadStream('records.csv'), 'records.csv', 1 << 20)) use(chunk)
 */
export async function* fileChunks(
  stream: ReadStream,
  path: string,
  maxLineLength: number,
): AsyncGenerator<Buffer> {
  stream.destroy()
  const buffers = Array.from({ length: Math.ceil(maxLineLength / chunkSize) + 3 }, () =>
    Buffer.allocUnsafe(chunkSize),
  )
  const handle = await open(path, 'r')
  try {
    for (let n = 0; ; n++) {
      const buffer = buffers[n % buffers.length]!
      const { bytesRead } = await handle.read(buffer, 0, chunkSize, null)
      if (bytesRead === 0) return
      yield buffer.subarray(0, bytesRead)
    }
  } finally {
    await handle.close()
  }
}
