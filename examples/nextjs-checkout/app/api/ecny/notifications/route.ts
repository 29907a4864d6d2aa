import { getShop } from '../../../../lib/shop'

/**
 * The gateway POSTs signed notifications here (the `notifyUrl` of every order). The SDK's Fetch
 * handler reads the raw body from the untouched `Request`, verifies the signature with the gateway's
 * keys, claims the event id, applies it once and answers `{"code":"SUCCESS"}`; duplicates are
 * acknowledged without applying them again. Never call `request.json()` before it.
 */
export async function POST(request: Request): Promise<Response> {
  const shop = await getShop()
  return shop.receiveNotification(request)
}
