import { responseTooLarge } from './responseTooLarge.js'

/**
 * Reads a body to its end with a running count, throwing `response_too_large` as soon as it passes
 * `limit` (a stream whose reader cancels on exit then drops the connection).
 */
export async function readAllCapped(
  chunks: AsyncIterable<Uint8Array>,
  limit: number,
  url: string,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  let received = 0
  for await (const part of chunks) {
    received += part.length
    if (received > limit) throw responseTooLarge(limit, url)
    parts.push(part)
  }
  const body = new Uint8Array(received)
  let offset = 0
  for (const part of parts) {
    body.set(part, offset)
    offset += part.length
  }
  return body
}
