/**
 * Raw HTTP for attack tests: send exactly these bytes, get back exactly what came back (no SDK, no
 * fetch normalisation in between).
 */
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import { errorEnvelope } from '@ecny/protocol'
import { z } from '@ecny/sdk-core/internal'

export type Exchange = { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer }
export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: Buffer }

/** Reads a whole request or response stream into one Buffer. */
export async function readAll(stream: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks)
}

/**
 * Sends exactly these bytes and headers (content-length fixed up), returns exactly what came back.
 *
 * @example
 * const response = await sendRaw(sandbox.url, { method: 'GET', path: '/v1/wallets/w_1', headers: {}, body: Buffer.alloc(0) })
 */
export function sendRaw(baseUrl: string, exchange: Exchange): Promise<RawResponse> {
  const url = new URL(exchange.path, baseUrl)
  const headers: IncomingHttpHeaders = { ...exchange.headers, host: url.host }
  delete headers['transfer-encoding']
  if (exchange.body.length > 0 || exchange.method !== 'GET')
    headers['content-length'] = String(exchange.body.length)
  else delete headers['content-length']
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      { method: exchange.method, headers, agent: false },
      (incoming: IncomingMessage) => {
        readAll(incoming)
          .then((body) => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }))
          .catch(reject)
      },
    )
    outgoing.on('error', reject)
    outgoing.end(exchange.body)
  })
}

/** The error code of a gateway error response (the rails' signed `{"error": {code…}}` envelope). */
export function errorCodeOf(response: RawResponse): string | undefined {
  const parsed = z.safeParse(errorEnvelope, JSON.parse(response.body.toString('utf8') || 'null'))
  return parsed.success ? parsed.data.error.code : undefined
}
