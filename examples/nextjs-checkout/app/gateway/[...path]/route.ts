import { getShop } from '../../../lib/shop'

export const dynamic = 'force-dynamic'

const prefix = '/gateway'
/** Not forwarded: hop-by-hop headers, the shop's own cookies, and what `fetch` recomputes. */
const dropRequest = new Set(['host', 'connection', 'content-length', 'cookie', 'accept-encoding'])
const dropResponse = new Set(['connection', 'content-length', 'content-encoding', 'transfer-encoding'])

function copyHeaders(from: Headers, drop: Set<string>): Headers {
  const to = new Headers()
  from.forEach((value, name) => {
    if (!drop.has(name)) to.set(name, value)
  })
  return to
}

/**
 * The gateway on the page's own origin (`/gateway/...`), so the browser needs no CORS. It adds no
 * credentials: the page's requests carry the order-scoped client token the server action minted,
 * and the gateway's signed answers come back unchanged for the SDK to verify.
 */
async function forward(request: Request): Promise<Response> {
  const { gateway } = await getShop()
  const incoming = new URL(request.url)
  const target = new URL(incoming.pathname.slice(prefix.length) + incoming.search, gateway.url)
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  const upstream = await fetch(target, {
    method: request.method,
    headers: copyHeaders(request.headers, dropRequest),
    ...(hasBody && { body: await request.arrayBuffer() }),
    redirect: 'manual',
  })
  return new Response(upstream.body, {
    status: upstream.status,
    headers: copyHeaders(upstream.headers, dropResponse),
  })
}

export const GET = forward
export const POST = forward
export const PUT = forward
export const PATCH = forward
export const DELETE = forward
