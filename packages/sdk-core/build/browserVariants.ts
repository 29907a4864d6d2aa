import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Plugin } from 'esbuild'

/**
 * The browser build of `@ecny/sdk-core`: a relative import of `x.js` resolves to a sibling
 * `x.browser.ts` when one exists. That is how the browser build drops axios for fetch and ships no
 * request-signing code at all. Used by tsup and by the bundle-size measurement, so both see the same
 * bundle a user's bundler gets through the `browser` export condition.
 */
export const browserVariants: Plugin = {
  name: 'ecny-browser-variants',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      const variant = resolve(args.resolveDir, args.path.replace(/\.js$/, '.browser.ts'))
      return existsSync(variant) ? { path: variant } : undefined
    })
  },
}
