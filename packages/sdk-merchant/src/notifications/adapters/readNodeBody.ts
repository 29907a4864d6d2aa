import { createEcnyError } from '@ecny/sdk-core'
import { type BodySource, bodyAlreadyParsed, rawBytes } from '../rawBody.js'

/** A Node `IncomingMessage` as the adapters need it (structural, so no `node:http` import). */
export type NodeRequestLike = AsyncIterable<Uint8Array | string> & {
  headers: Record<string, string | string[] | undefined>
  /** Set by body parsers (Express, Koa…): raw when it is a Buffer or string, parsed when an object. */
  body?: unknown
  /** True once the stream was read to its end by someone. */
  readableEnded?: boolean
}

/** Largest notification body read, by default: 1 MiB. */
export const defaultMaxNotificationBytes = 1024 * 1024

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}

/**
 * The raw body of a Node request: what a raw body parser left in `req.body`, else the bytes read from
 * the request stream. A parsed body, or a stream someone already consumed, is `body_already_parsed`.
 */
export async function readNodeBody(
  req: NodeRequestLike,
  source: BodySource,
  maxBytes: number,
): Promise<Uint8Array> {
  if (req.body !== undefined) {
    const body = req.body
    const empty =
      typeof body === 'object' &&
      body !== null &&
      !(body instanceof Uint8Array) &&
      Object.keys(body).length === 0
    if (!empty || req.readableEnded) return rawBytes(body, source)
  }
  if (req.readableEnded) throw bodyAlreadyParsed('a request stream that was already read', source)
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of req) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk
    size += bytes.byteLength
    if (size > maxBytes) {
      throw createEcnyError('payload_too_large', `The notification body is over ${maxBytes} bytes.`, {
        hint: 'Gateway notifications are small; this request is probably not one. Raise maxBodyBytes if needed.',
        details: { maxBytes },
      })
    }
    chunks.push(bytes)
  }
  return concat(chunks, size)
}
