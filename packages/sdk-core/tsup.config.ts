import { defineConfig } from 'tsup'
import { browserVariants } from './build/browserVariants.js'

export default defineConfig([
  {
    entry: { index: 'src/index.ts', internal: 'src/exports/internal.ts' },
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
  },
  {
    // What bundlers get through the `browser` export condition: fetch instead of axios, no signing.
    entry: { index: 'src/index.ts' },
    outDir: 'dist/browser',
    format: ['esm'],
    platform: 'browser',
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
    esbuildPlugins: [browserVariants],
  },
])
