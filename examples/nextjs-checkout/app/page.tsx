import { connection } from 'next/server'
import { gatewayFromEnv } from '../lib/gateway'
import { CheckoutPage } from './CheckoutPage'

/**
 * The checkout: a server component around the client-side checkout (`CheckoutPage`). Rendered per
 * request, so the environment `next start` runs with decides whether the sandbox-wallet button shows.
 */
export default async function Home() {
  await connection()
  const embeddedSandbox = gatewayFromEnv(process.env) === undefined
  return <CheckoutPage gatewayPath="/gateway" sandboxWallet={embeddedSandbox} />
}
