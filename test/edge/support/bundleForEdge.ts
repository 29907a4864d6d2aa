import { fileURLToPath } from 'node:url'
import { type BuildResult, build, type Metafile, type Plugin } from 'esbuild'
import { edgeVariants } from '../../../packages/sdk-core/build/edgeVariants.js'

const packages = (path: string) => fileURLToPath(new URL(`../../../packages/${path}`, import.meta.url))

/** `@ecny/*` from their sources, as the vitest aliases do, so a change is tested without a build. */
const workspaceSources: Plugin = {
  name: 'ecny-workspace-sources',
  setup(build) {
    build.onResolve({ filter: /^@ecny\/[a-z-]+(\/[a-z-]+)?$/ }, (args) => {
      const [, name, entry] = /^@ecny\/([a-z-]+)(?:\/([a-z-]+))?$/.exec(args.path) ?? []
      return { path: packages(entry ? `${name}/src/exports/${entry}.ts` : `${name}/src/index.ts`) }
    })
  },
}

/**
 * Bundles `entry` the way Workers bundlers do (platform browser, conditions `workerd`, `worker`,
 * `browser`), with the SDK's edge build swaps: what `wrangler deploy` would ship.
 *
 * @example
 * const { code, metafile } = await bundleForEdge('test/edge/worker/orderWorker.ts', { minify: true })
 */
export async function bundleForEdge(
  entry: string,
  options: { minify?: boolean } = {},
): Promise<{ code: string; metafile: Metafile }> {
  const result: BuildResult<{ write: false; metafile: true }> = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    format: 'esm',
    target: 'es2022',
    minify: options.minify ?? false,
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [workspaceSources, edgeVariants],
  })
  return { code: result.outputFiles[0]?.text ?? '', metafile: result.metafile }
}

/** Node's built-in module names, with and without `node:` (what an edge graph must not contain). */
export function nodeImportsOf(metafile: Metafile, builtins: readonly string[]): string[] {
  return Object.values(metafile.inputs)
    .flatMap((input) => input.imports.map((i) => i.path))
    .filter((path) => path.startsWith('node:') || builtins.includes(path.split('/')[0] ?? ''))
}
