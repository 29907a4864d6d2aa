import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** Tests run against the packages' sources, so a change is tested without a build. */
export const alias = [
  { find: /^@ecny\/sdk-core$/, replacement: src('./packages/sdk-core/src/index.ts') },
  { find: /^@ecny\/sdk-core\/(.*)$/, replacement: src('./packages/sdk-core/src/exports/$1.ts') },
  { find: /^@ecny\/sdk-merchant$/, replacement: src('./packages/sdk-merchant/src/index.ts') },
  { find: /^@ecny\/sdk-merchant\/(.*)$/, replacement: src('./packages/sdk-merchant/src/exports/$1.ts') },
  { find: /^@ecny\/sdk-react$/, replacement: src('./packages/sdk-react/src/index.ts') },
  { find: /^@ecny\/mock-rails$/, replacement: src('./packages/mock-rails/src/index.ts') },
  { find: /^@ecny\/operator-cmb$/, replacement: src('./packages/operator-cmb/src/index.ts') },
  { find: /^@ecny\/protocol$/, replacement: src('./packages/protocol/src/index.ts') },
  { find: /^@ecny\/protocol\/(.*)$/, replacement: src('./packages/protocol/src/exports/$1.ts') },
  { find: /^@ecny\/test-utils$/, replacement: src('./packages/test-utils/src/index.ts') },
  { find: /^@ecny\/store-redis$/, replacement: src('./packages/store-redis/src/index.ts') },
]

const project = (name: string, environment: 'node' | 'jsdom' = 'node') => ({
  resolve: { alias },
  test: {
    name,
    root: src(`./packages/${name}`),
    environment,
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    // A safety net against hangs, not a speed check: CI shares two cores among all projects.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Test files of a worker share its loaded modules instead of importing the SDK, the rails and
    // their dependencies again for every file (that import was most of the suite's time). Tests
    // build their own clients and rails, so nothing leaks through module state; the DOM project
    // stays isolated, since one file's document could leak into the next.
    isolate: environment === 'jsdom',
  },
})

export default defineConfig({
  test: {
    projects: [
      project('sdk-core'),
      project('sdk-merchant'),
      project('sdk-react', 'jsdom'),
      project('mock-rails'),
      project('protocol'),
      project('operator-cmb'),
      project('store-redis'),
      {
        resolve: { alias },
        test: {
          name: 'repo',
          root: src('.'),
          include: ['test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
