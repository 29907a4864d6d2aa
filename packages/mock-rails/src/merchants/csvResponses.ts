import { randomId } from '@ecny/sdk-core/internal'
import type { Rails } from '../createRails.js'
import type { GatewaySigner } from './gatewaySigner.js'

/**
 * The HTTP door answers every route with JSON. Statements are CSV: this wraps `rails.handle` so a
 * successful `GET /v1/statements/{date}` (authenticated, fault-injected and routed like any request,
 * its handler returning the CSV text) goes out as `text/csv`, re-signed over the CSV bytes and bound
 * to the same request id. Errors pass through untouched. A stop-gap until route handlers can return
 * raw bodies themselves.
 */
export function serveStatementsAsCsv(rails: Rails, sign: GatewaySigner): void {
  const handle = rails.handle
  rails.handle = async (request) => {
    const response = await handle(request)
    if (response.type === 'error' || response.status !== 200 || request.method.toUpperCase() !== 'GET')
      return response
    const path = new URL(request.url).pathname
    if (!/^\/v1\/statements\/[^/]+$/.test(path)) return response
    const bytes = new TextEncoder().encode(JSON.parse(await response.text()) as string)
    const requestId = response.headers.get('ecny-request-id') ?? randomId('req_')
    return new Response(bytes, {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="statement-${path.split('/').at(-1)}.csv"`,
        'ecny-request-id': requestId,
        'ecny-signature': await sign('ecny-response+jws', bytes, requestId),
      },
    })
  }
}
