import type { HttpClient, HttpRequest } from './HttpClient.js'

function init(request: HttpRequest): RequestInit {
  return {
    method: request.method,
    headers: request.headers,
    body: request.body || undefined,
    signal: request.signal,
    redirect: 'manual',
  }
}

async function* chunks(body: ReadableStream<Uint8Array> | null): AsyncIterable<Uint8Array> {
  if (!body) return
  const reader = body.getReader()
  try {
    while (true) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    reader.releaseLock()
  }
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
      const body = new Uint8Array(await response.arrayBuffer())
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
