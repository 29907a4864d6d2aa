/** What the CSV parsers read: a Web stream, a Node `Readable`, or any (async) iterable of chunks. */
export type ByteSource =
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>

function isReadableStream(source: unknown): source is ReadableStream<Uint8Array> {
  return typeof (source as ReadableStream | null)?.getReader === 'function'
}

async function* fromReadableStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    reader.releaseLock()
  }
}

/**
 * One way to read any {@link ByteSource}: Web `ReadableStream`s are read through their reader (not
 * every runtime makes them async-iterable); Node `Readable`s and iterables are used as they are.
 *
 * @example
 * for await (const chunk of toAsyncIterable(response.body!)) console.log(chunk.length)
 */
export function toAsyncIterable(
  source: ByteSource,
): AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> {
  if (isReadableStream(source)) return fromReadableStream(source)
  return source
}
