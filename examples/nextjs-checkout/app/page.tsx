import { CheckoutPage } from './CheckoutPage'

/** The checkout: a server component around the client-side checkout (`CheckoutPage`). */
export default function Home() {
  return <CheckoutPage gatewayPath="/gateway" />
}
