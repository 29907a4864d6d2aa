import { once } from 'node:events'
import { createWriteStream, type WriteStream } from 'node:fs'

/**
 * A text file written piece by piece, buffered, honouring back-pressure. Text already encoded
 * (UTF-8 bytes) is written as it is.
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

/** Opens (creates or truncates) `path` for writing; fails early if it cannot be created. */
export async function openFileSink(path: string): Promise<FileSink> {
  const stream: WriteStream = createWriteStream(path)
  await Promise.race([once(stream, 'open'), once(stream, 'error').then(([error]) => Promise.reject(error))])
  let pending = ''
  const flush = async () => {
    if (pending.length === 0) return
    const text = pending
    pending = ''
    if (!stream.write(text)) await once(stream, 'drain')
  }
  return {
    async write(text) {
      if (typeof text !== 'string') {
        if (text.length === 0) return
        await flush()
        if (!stream.write(text)) await once(stream, 'drain')
        return
      }
      pending += text
      if (pending.length >= 1 << 16) await flush()
    },
    async close() {
      await flush()
      stream.end()
      await once(stream, 'finish')
    },
  }
}
