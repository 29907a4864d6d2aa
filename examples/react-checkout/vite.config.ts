import { defineConfig } from 'vite'
import { checkoutAppConfig } from './viteConfig.js'

/**
 * For running Vite by hand (`pnpm vite examples/react-checkout`) against services you started
 * yourself; `dev.ts` starts everything at once and is the usual way in.
 */
export default defineConfig(
  checkoutAppConfig({
    gatewayUrl: process.env.ECNY_GATEWAY_URL ?? 'http://127.0.0.1:8787',
    shopUrl: process.env.SHOP_URL ?? 'http://127.0.0.1:4242',
    walletBackendUrl: process.env.WALLET_BACKEND_URL ?? 'http://127.0.0.1:4243',
  }),
)
