import { createMerchantClient, type MerchantClient } from '@ecny/sdk-merchant'
import {
  createFetchNotificationHandler,
  createMemoryReplayStore,
  type FetchNotificationHandler,
} from '@ecny/sdk-merchant/notifications'
import { type GatewayConfig, gatewayFromEnv } from './gateway'
import { createShopBook, type ShopBook } from './shopBook'

/** Everything the shop's server side holds: one per Node process. */
export type Shop = {
  gateway: GatewayConfig
  /** Server credentials: never leaves the server. */
  merchant: MerchantClient
  book: ShopBook
  /** The notification endpoint (`app/api/ecny/notifications/route.ts`). */
  receiveNotification: FetchNotificationHandler
}

async function openShop(): Promise<Shop> {
  let gateway = gatewayFromEnv(process.env)
  if (!gateway) {
    // No gateway configured: an embedded sandbox on 127.0.0.1, so `pnpm dev` works out of the box.
    const { startSandbox } = await import(/* turbopackIgnore: true */ '@ecny/mock-rails')
    const sandbox = await startSandbox({ log: false, seed: 'nextjs-checkout' })
    gateway = {
      url: sandbox.url,
      credentials: sandbox.credentials,
      merchantId: sandbox.merchantId,
      embedded: true,
    }
  }
  const merchant = createMerchantClient({
    baseUrl: gateway.url,
    credentials: gateway.credentials,
    ...(gateway.merchantId && { merchantId: gateway.merchantId }),
  })
  const book = createShopBook()
  const receiveNotification = createFetchNotificationHandler({
    gatewayKeys: new URL('/.well-known/jwks.json', gateway.url).href,
    // One process remembers event ids in memory; several instances share @ecny/store-redis instead.
    replayStore: createMemoryReplayStore(),
    // Runs once per event: claim → handle → commit. A throw answers 500 and the gateway retries.
    handle: (event) => void book.apply(event),
    onAnswer: (answer) => {
      if (answer.outcome === 'duplicate') book.noteDuplicate(answer.event?.id ?? '?')
    },
  })
  return { gateway, merchant, book, receiveNotification }
}

const key = Symbol.for('@ecny/example-nextjs-checkout/shop')
const holder = globalThis as { [key]?: Promise<Shop> }

/**
 * The shop, created on first use and shared by the server actions and route handlers of this
 * process (kept on `globalThis`: Next.js may load a module once per route bundle).
 *
 * @example
 * const { merchant, book } = await getShop()
 */
export function getShop(): Promise<Shop> {
  holder[key] ??= openShop().catch((error: unknown) => {
    holder[key] = undefined // a failed start is retried on the next request
    throw error
  })
  return holder[key]
}
