import { defineConfig } from 'tsup'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    points: 'src/exports/points.ts',
    corporate: 'src/exports/corporate.ts',
    'app-pay': 'src/exports/app-pay.ts',
  },
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  target: 'es2022',
  treeshake: true,
})
