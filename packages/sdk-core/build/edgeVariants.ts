import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Plugin } from 'esbuild'

/**
 * The edge build of `@ecny/sdk-core` (and of `@ecny/sdk-merchant`): a relative import of `x.js`
 * resolves to a sibling `x.edge.ts` when one exists. Unlike the browser build it keeps request
 * signing (jose on WebCrypto); it swaps only what needs Node: axios becomes `fetch`, and merchant
 * features that need a disk or `node:zlib` become stand-ins that throw `unsupported_runtime`. What
 * Workers, Vercel Edge and Deno get through the `workerd`, `worker`, `edge-light` and `deno`
 * export conditions; the edge tests bundle with it too.
 */
export const edgeVariants: Plugin = {
  name: 'ecny-edge-variants',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      const variant = resolve(args.resolveDir, args.path.replace(/\.js$/, '.edge.ts'))
      return existsSync(variant) ? { path: variant } : undefined
    })
  },
}
