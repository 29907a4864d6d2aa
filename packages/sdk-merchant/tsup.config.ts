import { defineConfig } from 'tsup'
import { edgeVariants } from '../sdk-core/build/edgeVariants.js'

export default defineConfig([
  {
    entry: { index: 'src/index.ts', notifications: 'src/exports/notifications.ts' },
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    clean: true,
    sourcemap: true,
    target: 'es2022',
  },
  {
    // What Workers, Vercel Edge and Deno get (`workerd`, `worker`, `edge-light`, `deno` conditions):
    // the same surface with the Node-only features as stand-ins that throw unsupported_runtime.
    entry: { index: 'src/index.ts', notifications: 'src/exports/notifications.ts' },
    outDir: 'dist/edge',
    format: ['esm'],
    platform: 'browser',
    sourcemap: true,
    target: 'es2022',
    esbuildPlugins: [edgeVariants],
  },
  {
    // The worker thread a CSV reconciliation reads the statement on, found beside the module that
    // starts it (index.js / index.cjs / cli.js).
    entry: { reconcileScanWorker: 'src/reconcile/fast/scanWorker.ts' },
    format: ['esm', 'cjs'],
    sourcemap: true,
    target: 'node20',
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    banner: { js: '#!/usr/bin/env node' },
    target: 'node20',
  },
])
