import { Buffer } from 'node:buffer'
import { closeSync, openSync, writeSync } from 'node:fs'

/**
 * A text file written piece by piece, buffered. Text already encoded (UTF-8 bytes) is written as
 * it is, before `write` resolves: the caller may reuse the bytes then.
 *
 * @example
 * const sink = await openFileSink('report.json')
 * await sink.write('{}')
 * await sink.close()
 */
export interface FileSink {
  write(text: string | Uint8Array): Promise<void>
  close(): Promise<void>
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done)
}

/**
 * Opens (creates or truncates) `path` for writing; fails early if it cannot be created. Writes are
 * synchronous: a report goes to a local file, and the bytes written can be reused at once.
 */
export async function openFileSink(path: string): Promise<FileSink> {
  let fd: number | undefined = openSync(path, 'w')
  let pending = ''
  const flush = () => {
    if (pending.length === 0) return
    const text = pending
    pending = ''
    writeAll(fd!, Buffer.from(text))
  }
  return {
    async write(text) {
      if (typeof text !== 'string') {
        if (text.length === 0) return
        flush()
        writeAll(fd!, text)
        return
      }
      pending += text
      if (pending.length >= 1 << 16) flush()
    },
    async close() {
      if (fd === undefined) return
      try {
        flush()
      } finally {
        closeSync(fd)
        fd = undefined
      }
    },
  }
}
