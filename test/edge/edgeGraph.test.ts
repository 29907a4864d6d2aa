import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { bundleForEdge, nodeImportsOf } from './support/bundleForEdge.js'

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url))

const entries = {
  '@ecny/sdk-core': '../../packages/sdk-core/src/index.ts',
  '@ecny/sdk-core/internal': '../../packages/sdk-core/src/exports/internal.ts',
  '@ecny/sdk-merchant': '../../packages/sdk-merchant/src/index.ts',
  '@ecny/sdk-merchant/notifications': '../../packages/sdk-merchant/src/exports/notifications.ts',
}

describe('the edge build (workerd, worker, edge-light, deno conditions)', () => {
  for (const [name, entry] of Object.entries(entries)) {
    it(`${name} has no Node built-in and no axios in its graph`, async () => {
      const { metafile } = await bundleForEdge(path(entry))
      expect(nodeImportsOf(metafile, builtinModules)).toEqual([])
      expect(Object.keys(metafile.inputs).filter((input) => input.includes('/axios/'))).toEqual([])
    })
  }

  it('keeps request signing and swaps only the Node-only modules', async () => {
    const { metafile } = await bundleForEdge(path(entries['@ecny/sdk-merchant']))
    const inputs = Object.keys(metafile.inputs)
    const has = (suffix: string) => inputs.some((input) => input.endsWith(suffix))
    // Signing stays (jose on WebCrypto), unlike the browser build's stand-ins.
    expect(has('sdk-core/src/client/serverAuth.ts')).toBe(true)
    expect(has('sdk-core/src/transport/createKeySigner.ts')).toBe(true)
    expect(inputs.filter((input) => input.endsWith('.browser.ts'))).toEqual([])
    expect(
      inputs.filter((input) => input.endsWith('.edge.ts')).map((input) => input.split('/src/')[1]),
    ).toEqual(
      expect.arrayContaining([
        'transport/http/defaultHttp.edge.ts',
        'actions/statements/downloadStatement.edge.ts',
        'qr/encodePng.edge.ts',
        'reconcile/reconcile.edge.ts',
      ]),
    )
  })

  it('a worker that creates an order stays small (minified and gzipped)', async () => {
    const { code } = await bundleForEdge(path('./worker/createOrderOnly.ts'), { minify: true })
    const gzipped = gzipSync(code).length
    // 111 kB when written, most of it zod (see docs/edge.md): a budget that catches a new dependency.
    expect(gzipped).toBeLessThan(125_000)
  })
})
