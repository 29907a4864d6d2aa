import { InvalidRequestError } from '@ecny/sdk-core'
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
  const iterable = source as Partial<AsyncIterable<unknown> & Iterable<unknown>> | null | undefined
  if (
    typeof iterable?.[Symbol.asyncIterator] !== 'function' &&
    (typeof iterable?.[Symbol.iterator] !== 'function' || typeof source === 'string')
  )
    throw notBytes(`got ${source === null ? 'null' : typeof source}`)
  return checkedChunks(source)
}

function notBytes(what: string): InvalidRequestError {
  return new InvalidRequestError(
    'invalid_request',
    `A CSV source must be a stream or an iterable of byte or text chunks (${what}).`,
    {
      hint: 'Pass a ReadableStream, a Node Readable (e.g. fs.createReadStream), or an (async) iterable of Uint8Array/string chunks.',
    },
  )
}

async function* checkedChunks(
  source: AsyncIterable<unknown> | Iterable<unknown>,
): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of source) {
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array))
      throw notBytes(`a chunk was ${chunk === null ? 'null' : typeof chunk}`)
    yield chunk
  }
}
