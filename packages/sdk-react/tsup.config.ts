import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  clean: true,
  sourcemap: true,
  target: 'es2022',
  banner: { js: "'use client';" },
  external: ['react', 'react-dom', '@tanstack/react-query', '@ecny/sdk-core'],
})
