import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Plugin } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStaticServer } from '../dev/staticServer.js'
import { checkoutAppConfig, ecnyBrowserVariants } from '../viteConfig.js'

const repo = resolve(import.meta.dirname, '../../..')
const coreSource = (path: string) => join(repo, 'packages/sdk-core/src', path)

function resolveWith(plugin: Plugin, source: string, importer: string | undefined): unknown {
  const hook = plugin.resolveId as (this: unknown, source: string, importer: string | undefined) => unknown
  return hook.call({}, source, importer)
}

describe('examples/react-checkout Vite config', () => {
  it("resolves sdk-core's browser variants, as the package's browser export condition does", () => {
    const plugin = ecnyBrowserVariants()
    const importer = coreSource('client/createBaseClient.ts')
    expect(resolveWith(plugin, './serverAuth.js', importer)).toBe(coreSource('client/serverAuth.browser.ts'))
    expect(resolveWith(plugin, '../transport/http/defaultHttp.js', importer)).toBe(
      coreSource('transport/http/defaultHttp.browser.ts'),
    )
    // No variant, or not inside sdk-core: left to Vite.
    expect(resolveWith(plugin, './config.js', importer)).toBeNull()
    expect(
      resolveWith(plugin, './serverAuth.js', join(repo, 'examples/react-checkout/src/App.tsx')),
    ).toBeNull()
  })

  it('maps the SDK packages to their sources and proxies the gateway under /gateway', () => {
    const config = checkoutAppConfig({
      gatewayUrl: 'http://127.0.0.1:1',
      shopUrl: 'http://127.0.0.1:2',
      walletBackendUrl: 'http://127.0.0.1:3',
    })
    expect(config.server?.host).toBe('127.0.0.1')
    expect(Object.keys(config.server?.proxy ?? {})).toEqual(['/gateway', '/api', '/wallet-api'])
    const aliases = config.resolve?.alias as { find: RegExp; replacement: string }[]
    expect(aliases.find((a) => a.find.test('@ecny/sdk-react'))?.replacement).toBe(
      join(repo, 'packages/sdk-react/src/index.ts'),
    )
  })
})

describe('examples/react-checkout static server', () => {
  let upstream: Server
  let root: string
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ecny-static-'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>shop</title>')
    upstream = createServer((req, res) => res.end(JSON.stringify({ path: req.url, method: req.method })))
    await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done))
  })
  afterAll(() => {
    upstream.close()
    rmSync(root, { recursive: true, force: true })
  })

  it('serves the page and forwards proxied paths, stripping the gateway prefix', async () => {
    const target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
    const server = await startStaticServer({
      root,
      proxy: { '/gateway': { target, strip: true }, '/api': { target } },
    })
    try {
      expect(await (await fetch(`${server.url}wallet`)).text()).toContain('<title>shop</title>')
      expect(await (await fetch(`${server.url}gateway/v1/orders/ord_1`)).json()).toEqual({
        path: '/v1/orders/ord_1',
        method: 'GET',
      })
      expect(await (await fetch(`${server.url}api/checkout`, { method: 'POST', body: '{}' })).json()).toEqual(
        {
          path: '/api/checkout',
          method: 'POST',
        },
      )
      // A path out of the root gets index.html, never the file.
      expect(await (await fetch(`${server.url}..%2f..%2fetc%2fpasswd`)).text()).toContain(
        '<title>shop</title>',
      )
    } finally {
      await server.close()
    }
  })
})
