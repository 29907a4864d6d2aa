import type { Sandbox } from '@ecny/mock-rails'
import { build, createServer } from 'vite'
import { startExampleSandbox } from '../../merchant-server/sandbox.js'
import { type MerchantServer, startMerchantServer } from '../../merchant-server/server.js'
import { checkoutAppConfig, proxyTable } from '../viteConfig.js'
import { type DemoWallets, setupDemoWallets } from './setupDemo.js'
import { startStaticServer } from './staticServer.js'
import { startWalletBackend, type WalletBackend } from './walletBackend.js'

export type CheckoutStackOptions = {
  /**
   * `dev`: Vite's dev server (hot reload; like the Vite CLI it exits the process when stdin closes).
   * `build`: a production build (`vite build`) served by `dev/staticServer.ts`. Default `dev`.
   */
  mode?: 'dev' | 'build'
  /** The page's port. Default 5173 (dev) / 0 (build: any free one). */
  port?: number
  /** Where `build` writes the page. Default `examples/react-checkout/dist`. */
  outDir?: string
  /** The sandbox's port. Default 0 (any free one). */
  sandboxPort?: number
  /** Log lines of the shop backend. Default: quiet. */
  log?: (line: string) => void
}

export type CheckoutStack = {
  /** The page, e.g. `http://127.0.0.1:5173/`. */
  url: string
  sandbox: Sandbox
  shop: MerchantServer
  wallets: DemoWallets
  close(): Promise<void>
}

/**
 * Everything the React example needs, on 127.0.0.1: the sandbox gateway, the shop backend
 * (`examples/merchant-server`), demo wallets with a transfer-reward campaign, the wallet backend,
 * and the page served by Vite with a same-origin proxy to the three.
 */
export async function startCheckoutStack(options: CheckoutStackOptions = {}): Promise<CheckoutStack> {
  const closers: (() => Promise<void>)[] = []
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => {})
  }
  try {
    const sandbox = await startExampleSandbox({ seed: 'react-checkout', port: options.sandboxPort ?? 0 })
    closers.push(() => sandbox.close())
    const shop = await startMerchantServer({
      gatewayUrl: sandbox.url,
      credentials: sandbox.credentials,
      merchantId: sandbox.merchantId,
      log: options.log ?? false,
    })
    closers.push(() => shop.close())
    const wallets = await setupDemoWallets({ gatewayUrl: sandbox.url, credentials: sandbox.credentials })
    const walletBackend: WalletBackend = await startWalletBackend({
      gatewayUrl: sandbox.url,
      credentials: sandbox.credentials,
      walletId: wallets.walletId,
      friendWalletId: wallets.friendWalletId,
    })
    closers.push(() => walletBackend.close())

    const mode = options.mode ?? 'dev'
    const services = { gatewayUrl: sandbox.url, shopUrl: shop.url, walletBackendUrl: walletBackend.url }
    const config = checkoutAppConfig({
      ...services,
      ...(options.port !== undefined && { port: options.port }),
      ...(options.outDir !== undefined && { outDir: options.outDir }),
    })
    let url: string
    if (mode === 'dev') {
      const server = await createServer(config)
      await server.listen()
      closers.push(() => server.close())
      url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${server.config.server.port}/`
    } else {
      await build(config)
      const server = await startStaticServer({
        root: config.build!.outDir!,
        proxy: proxyTable(services),
        port: options.port ?? 0,
      })
      closers.push(() => server.close())
      url = server.url
    }
    return { url, sandbox, shop, wallets, close }
  } catch (error) {
    await close()
    throw error
  }
}
