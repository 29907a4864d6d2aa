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
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    banner: { js: '#!/usr/bin/env node' },
    target: 'node20',
  },
])
