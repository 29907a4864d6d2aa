import type { HttpClient, HttpRequest } from './HttpClient.js'
import { readAllCapped } from './readAllCapped.js'
import { defaultMaxResponseBytes, responseTooLarge } from './responseTooLarge.js'

function init(request: HttpRequest): RequestInit {
  return {
    method: request.method,
    headers: request.headers,
    body: request.body || undefined,
    signal: request.signal,
    redirect: 'manual',
  }
}

/** The body chunk by chunk; with `cancelOnExit`, a reader that stops early cancels the stream. */
async function* chunks(
  body: ReadableStream<Uint8Array> | null,
  cancelOnExit = false,
): AsyncIterable<Uint8Array> {
  if (!body) return
  const reader = body.getReader()
  let done = false
  try {
    while (true) {
      const next = await reader.read()
      if (next.done) {
        done = true
        return
      }
      yield next.value
    }
  } finally {
    if (cancelOnExit && !done) await reader.cancel().catch(() => {})
    reader.releaseLock()
  }
}

/** Reads a body with a running count, cancelling the stream (and so the connection) past `limit`. */
async function readCapped(response: Response, limit: number, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => {})
    throw responseTooLarge(limit, url)
  }
  return readAllCapped(chunks(response.body, true), limit, url)
}

/**
 * Runs the transport over `fetch`: the default in browsers and edge runtimes, where it keeps axios
 * out of the bundle. Pass your own `fetch` to instrument it.
 *
 * @example
 * createClient({ clientToken, fetch: (input, init) => fetch(input, { ...init, keepalive: true }) })
 */
export function fetchHttp(fetchImpl: typeof fetch = globalThis.fetch): HttpClient {
  return {
    async send(request) {
      const response = await fetchImpl(request.url, init(request))
      const body = await readCapped(
        response,
        request.maxResponseBytes ?? defaultMaxResponseBytes,
        request.url,
      )
      return { status: response.status, header: (name) => response.headers.get(name) ?? undefined, body }
    },
    async stream(request) {
      const response = await fetchImpl(request.url, init(request))
      return {
        status: response.status,
        header: (name) => response.headers.get(name) ?? undefined,
        body: chunks(response.body),
      }
    },
  }
}
