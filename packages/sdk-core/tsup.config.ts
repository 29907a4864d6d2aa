import { defineConfig } from 'tsup'
import { browserVariants } from './build/browserVariants.js'
import { edgeVariants } from './build/edgeVariants.js'

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      internal: 'src/exports/internal.ts',
      otel: 'src/exports/otel.ts',
      corporate: 'src/exports/corporate.ts',
      'app-pay': 'src/exports/app-pay.ts',
    },
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
  },
  {
    // What bundlers get through the `browser` export condition: fetch instead of axios, no signing.
    entry: { index: 'src/index.ts', 'app-pay': 'src/exports/app-pay.ts' },
    outDir: 'dist/browser',
    format: ['esm'],
    platform: 'browser',
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
    esbuildPlugins: [browserVariants],
  },
  {
    // What Workers, Vercel Edge and Deno get (`workerd`, `worker`, `edge-light`, `deno` conditions):
    // fetch instead of axios, signing kept (jose on WebCrypto), nothing from Node.
    entry: {
      index: 'src/index.ts',
      internal: 'src/exports/internal.ts',
      'app-pay': 'src/exports/app-pay.ts',
    },
    outDir: 'dist/edge',
    format: ['esm'],
    platform: 'browser',
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
    esbuildPlugins: [edgeVariants],
  },
])
