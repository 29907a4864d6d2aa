import { existsSync } from 'node:fs'
import { dirname, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import type { InlineConfig, Plugin } from 'vite'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '../..')
const packageSource = (path: string) => resolve(repo, 'packages', path)
const sdkCoreSource = packageSource('sdk-core/src') + sep

/**
 * What a bundler does with the published `@ecny/sdk-core` under the `browser` export condition, done
 * on its sources: a relative import of `x.js` inside sdk-core resolves to a sibling `x.browser.ts`
 * when one exists (fetch instead of axios, no request-signing code). Same rule as the package's
 * own esbuild plugin (`packages/sdk-core/build/browserVariants.ts`).
 */
export function ecnyBrowserVariants(): Plugin {
  return {
    name: 'ecny-browser-variants',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !/^\.\.?\/.*\.js$/.test(source)) return null
      const from = importer.split('?')[0]!
      if (!from.startsWith(sdkCoreSource)) return null
      const variant = resolve(dirname(from), source.replace(/\.js$/, '.browser.ts'))
      return existsSync(variant) ? variant : null
    },
  }
}

export type CheckoutAppConfigOptions = {
  /** The gateway (e.g. the sandbox's `url`); the page reaches it through `/gateway` on its own origin. */
  gatewayUrl: string
  /** The shop backend (`examples/merchant-server`); the page reaches it through `/api`. */
  shopUrl: string
  /** The demo wallet backend (`dev/walletBackend.ts`); the page reaches it through `/wallet-api`. */
  walletBackendUrl: string
  /** Default 5173; 0 for any free port. */
  port?: number
}

/** The page's same-origin routes to the gateway and the two backends (`strip`: drop the prefix). */
export function proxyTable(
  options: CheckoutAppConfigOptions,
): Record<string, { target: string; strip?: boolean }> {
  return {
    '/gateway': { target: options.gatewayUrl, strip: true },
    '/api': { target: options.shopUrl },
    '/wallet-api': { target: options.walletBackendUrl },
  }
}

/**
 * The Vite config of the example: React, the SDK's packages resolved to their sources (browser
 * variants included), and a same-origin proxy to the gateway and the two backends — so the page
 * needs no CORS, and only ever holds client tokens.
 */
export function checkoutAppConfig(options: CheckoutAppConfigOptions & { outDir?: string }): InlineConfig {
  const proxy = Object.fromEntries(
    Object.entries(proxyTable(options)).map(([prefix, { target, strip }]) => [
      prefix,
      strip ? { target, rewrite: (path: string) => path.slice(prefix.length) } : { target },
    ]),
  )
  return {
    configFile: false,
    root: here,
    logLevel: 'warn',
    clearScreen: false,
    plugins: [ecnyBrowserVariants(), react()],
    resolve: {
      alias: [
        { find: /^@ecny\/sdk-core$/, replacement: packageSource('sdk-core/src/index.ts') },
        { find: /^@ecny\/sdk-core\/(.*)$/, replacement: packageSource('sdk-core/src/exports/$1.ts') },
        { find: /^@ecny\/sdk-react$/, replacement: packageSource('sdk-react/src/index.ts') },
      ],
      dedupe: ['react', 'react-dom', '@tanstack/react-query'],
    },
    server: { host: '127.0.0.1', port: options.port ?? 5173, strictPort: true, proxy },
    build: {
      outDir: options.outDir ?? resolve(here, 'dist'),
      emptyOutDir: true,
      reportCompressedSize: false,
      // One chunk of about 580 kB minified (175 kB gzipped): React DOM, TanStack Query and the SDK.
      chunkSizeWarningLimit: 700,
    },
  }
}
