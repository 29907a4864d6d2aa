import { cmbBasePath } from '@ecny/operator-cmb'
import { HttpResponse, http, type RequestHandler } from 'msw'
import type { CmbDoor } from '../cmb/createCmbDoor.js'
import type { Rails } from '../createRails.js'

export type RailsHandlersOptions = {
  /** Where the SDK under test sends requests. Default `http://127.0.0.1:8787` (the SDK's `sandbox`). */
  baseUrl?: string
} & (
  | { dialect?: 'reference' }
  /** Also answer CMB requests (`/polypay/v1.0/mchorders/…`) from this CMB door over the same rails. */
  | { dialect: 'cmb'; cmbDoor: CmbDoor }
)

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
 *
 * @example
 * // The CMB dialect too: a CMB door over the same rails.
 * const door = createCmbDoor(rails)
 * const credentials = seedCmbMerchant(rails, door)
 * setupServer(...railsHandlers(rails, { baseUrl, dialect: 'cmb', cmbDoor: door }))
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
      const cmbDoor = options.dialect === 'cmb' ? options.cmbDoor : undefined
      const response =
        cmbDoor && new URL(forwarded.url).pathname.startsWith(cmbBasePath)
          ? await cmbDoor.handle(forwarded)
          : await rails.handle(forwarded)
      if (response.type === 'error') return HttpResponse.error()
      return response
    }),
  ]
}
