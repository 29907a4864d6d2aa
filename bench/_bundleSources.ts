import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * Bundles bench entry points from this tree's sources into `outdir` as ESM `.mjs` files for Node,
 * resolving `@ecny/*` to the workspace sources (their `dist` may be stale), so a bench child runs
 * built code as a deployed process does — not under tsx, whose transpiler and caches would count in
 * the child's memory and time.
 *
 * @example
 * await bundleSources({ 'ecny-cli': 'packages/sdk-merchant/src/cli.ts' }, dir) // dir/ecny-cli.mjs
 */
export async function bundleSources(entryPoints: Record<string, string>, outdir: string): Promise<void> {
  const { build } = await import('esbuild')
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(entryPoints).map(([name, path]) => [name, join(root, path)]),
    ),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
    plugins: [
      {
        name: 'workspace-sources',
        setup(build) {
          build.onResolve({ filter: /^@ecny\// }, ({ path }) => {
            const [, name, sub] = /^@ecny\/([^/]+)(?:\/(.+))?$/.exec(path)!
            const file = sub === undefined ? 'src/index.ts' : `src/exports/${sub}.ts`
            return { path: join(root, 'packages', name!, file) }
          })
        },
      },
    ],
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  })
}
