import { HttpResponse, http, type RequestHandler } from 'msw'
import type { Rails } from '../createRails.js'

export type RailsHandlersOptions = {
  /** Where the SDK under test sends requests. Default `http://127.0.0.1:8787` (the SDK's `sandbox`). */
  baseUrl?: string
}

/**
 * msw request handlers that answer every request under `baseUrl` from the rails — the same
 * `rails.handle` the sandbox uses, so signatures, idempotency and faults behave identically. A
 * drop-after-commit fault becomes `HttpResponse.error()` (a network error).
 *
 * @example
 * import { setupServer } from 'msw/node'
 * const rails = createRails({ seed: 1 })
 * const server = setupServer(...railsHandlers(rails, { baseUrl: 'https://gateway.test' }))
 * server.listen()
 */
export function railsHandlers(rails: Rails, options: RailsHandlersOptions = {}): RequestHandler[] {
  const base = new URL(options.baseUrl ?? 'http://127.0.0.1:8787')
  const prefix = base.pathname.replace(/\/+$/, '')
  return [
    http.all(`${base.origin}${prefix}/*`, async ({ request }) => {
      let forwarded = request
      if (prefix) {
        const url = new URL(request.url)
        url.pathname = url.pathname.slice(prefix.length) || '/'
        forwarded = new Request(url, request)
      }
      const response = await rails.handle(forwarded)
      if (response.type === 'error') return HttpResponse.error()
      return response
    }),
  ]
}
