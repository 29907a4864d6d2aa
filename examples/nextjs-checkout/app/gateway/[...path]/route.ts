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

/** What the checkout page reads: its order (polled by `useCheckout`) and the gateway's public keys. */
const allowedPaths = [/^\/v1\/orders\/[\w-]+$/, /^\/\.well-known\/[\w.-]+$/]

/**
 * The gateway on the page's own origin (`/gateway/...`), so the browser needs no CORS: only the reads
 * the checkout makes (anything else is 404, so the page's origin exposes nothing more). It adds no
 * credentials: the page's requests carry the order-scoped client token the server action minted,
 * and the gateway's signed answers come back unchanged for the SDK to verify.
 */
export async function GET(request: Request): Promise<Response> {
  const incoming = new URL(request.url)
  const path = incoming.pathname.slice(prefix.length)
  if (!allowedPaths.some((allowed) => allowed.test(path)))
    return Response.json({ error: { message: 'not found' } }, { status: 404 })
  const { gateway } = await getShop()
  const upstream = await fetch(new URL(path + incoming.search, gateway.url), {
    headers: copyHeaders(request.headers, dropRequest),
    redirect: 'manual',
  })
  return new Response(upstream.body, {
    status: upstream.status,
    headers: copyHeaders(upstream.headers, dropResponse),
  })
}
