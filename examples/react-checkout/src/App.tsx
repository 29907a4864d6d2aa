import { useEffect, useState } from 'react'
import { CheckoutPage } from './CheckoutPage.js'
import { LanguageSwitch, useLanguage } from './language.js'
import { WalletPage } from './WalletPage.js'

type Route = 'checkout' | 'wallet'

function currentRoute(): Route {
  return window.location.hash === '#/wallet' ? 'wallet' : 'checkout'
}

export function App() {
  const { t } = useLanguage()
  const [route, setRoute] = useState<Route>(currentRoute)
  useEffect(() => {
    const onHashChange = () => setRoute(currentRoute())
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [])
  return (
    <>
      <header>
        <h1>{t.shopTitle}</h1>
        <nav>
          <a href="#/checkout" aria-current={route === 'checkout' ? 'page' : undefined}>
            {t.navCheckout}
          </a>
          <a href="#/wallet" aria-current={route === 'wallet' ? 'page' : undefined}>
            {t.navWallet}
          </a>
        </nav>
        <LanguageSwitch />
      </header>
      <main>{route === 'checkout' ? <CheckoutPage /> : <WalletPage />}</main>
    </>
  )
}
