/**
 * Bundles a tiny checkout/wallet page that uses sdk-react's main hooks and PaymentQRCode, the way
 * an app's bundler would for a browser (from source with sdk-core's browser variants, minified;
 * react, react-dom and TanStack Query left to the app), and measures it. Shared by `pnpm bench size` and the budget test.
 */
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Metafile } from 'esbuild'
import { browserVariants } from '../../sdk-core/build/browserVariants.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const reactEntry = `${root}packages/sdk-react/src/index.ts`

/**
 * Budget for what the page above loads up front with sdk-core and its dependencies, minified +
 * gzipped, KB (1 024 bytes). 45 until error messages became bilingual (44.5 measured then); the
 * catalogue mechanism and the components' zh-CN strings took the page to 48.6, transit actions to 49.6.
 */
export const bundleBudgetKb = 51
/** Budget for each chunk loaded on demand (the zh-CN error catalogue, on a zh-CN client's first error). */
export const lazyChunkBudgetKb = 6
/** Budget for sdk-react's own code (hooks, provider, QR encoder and component), sdk-core left out. */
export const reactLayerBudgetKb = 8

/** Files whose presence means a private-key signing path reached the browser bundle. */
export const signingModules = [
  'packages/sdk-core/src/transport/createKeySigner.ts',
  'packages/sdk-core/src/transport/signRequest.ts',
  'packages/sdk-core/src/transport/signCompact.ts',
  'packages/sdk-core/src/client/serverAuth.ts',
]

const program = `
import {
  EcnyProvider, PaymentQRCode, useBalance, useCheckout, useClaimReward, useCreateTransfer,
  useEligibleCampaigns, useOpenWallet, useOrder, usePaymentCode, useWallet, useWalletLimits,
} from ${JSON.stringify(reactEntry)}
export const page = [
  EcnyProvider, PaymentQRCode, useBalance, useCheckout, useClaimReward, useCreateTransfer,
  useEligibleCampaigns, useOpenWallet, useOrder, usePaymentCode, useWallet, useWalletLimits,
]
`

export type BundleMeasurement = {
  bytes: number
  gzipBytes: number
  /** Minified + gzipped (level 9), KB with one decimal. */
  gzipKb: number
  metafile: Metafile
  /** Bytes each input contributed to the (minified, not gzipped) output, largest first. */
  inputs: Array<{ path: string; bytes: number }>
  /** The same, summed by npm package (`zod`, `axios`, …) or workspace source folder. */
  byPackage: Record<string, number>
  /** Chunks behind a dynamic `import()` (not loaded with the page), each minified + gzipped. */
  lazyChunks: Array<{ inputs: string[]; gzipKb: number }>
}

function packageOf(path: string): string {
  const inModules = path.split('node_modules/').pop()!
  if (inModules !== path) {
    const parts = inModules.split('/')
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!
  }
  return path.split('/').slice(0, 4).join('/')
}

export type MeasureBundleOptions = {
  /** Leave `@ecny/sdk-core` (and so axios, jose, zod) out, to measure sdk-react's own share. */
  excludeCore?: boolean
}

export async function measureBundle(options: MeasureBundleOptions = {}): Promise<BundleMeasurement> {
  const result = await build({
    stdin: {
      contents: program,
      resolveDir: `${root}packages/sdk-react`,
      loader: 'ts',
      sourcefile: 'page.ts',
    },
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    // Split as an app's bundler does: what `import()` loads on demand is measured apart.
    splitting: true,
    outdir: `${root}.bundle-measure`,
    metafile: true,
    logLevel: 'silent',
    jsx: 'automatic',
    // The files a bundler gets through sdk-core's `browser` export condition.
    plugins: [browserVariants],
    ...(!options.excludeCore && {
      alias: {
        '@ecny/sdk-core': `${root}packages/sdk-core/src/index.ts`,
        '@ecny/sdk-core/internal': `${root}packages/sdk-core/src/exports/internal.ts`,
      },
    }),
    external: [
      'react',
      'react/*',
      'react-dom',
      'react-dom/*',
      '@tanstack/react-query',
      ...(options.excludeCore ? ['@ecny/sdk-core'] : []),
    ],
  })
  const gzipKb = (bytes: Uint8Array) => Math.round((gzipSync(bytes, { level: 9 }).length / 1024) * 10) / 10
  const files = new Map(result.outputFiles.map((file) => [file.path, file.contents]))
  const outputs = result.metafile.outputs
  const fileOf = (name: string) => files.get(`${root}${name}`) ?? files.get(name)!
  // The page: the entry chunk and every chunk it imports statically.
  const entry = Object.keys(outputs).find((name) => outputs[name]!.entryPoint)!
  const initial = new Set<string>()
  const visit = (name: string) => {
    if (initial.has(name) || !outputs[name]) return
    initial.add(name)
    for (const imported of outputs[name]!.imports)
      if (imported.kind === 'import-statement') visit(imported.path)
  }
  visit(entry)
  const code = Buffer.concat([...initial].map((name) => fileOf(name)))
  const gzipBytes = [...initial].reduce((sum, name) => sum + gzipSync(fileOf(name), { level: 9 }).length, 0)
  const lazyChunks = Object.keys(outputs)
    .filter((name) => !initial.has(name))
    .map((name) => ({ inputs: Object.keys(outputs[name]!.inputs), gzipKb: gzipKb(fileOf(name)) }))
  const output = {
    inputs: Object.assign(
      {},
      ...[...initial].map((name) => outputs[name]!.inputs),
    ) as Metafile['outputs'][string]['inputs'],
  }
  const inputs = Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .filter((input) => input.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
  const byPackage: Record<string, number> = {}
  for (const input of inputs)
    byPackage[packageOf(input.path)] = (byPackage[packageOf(input.path)] ?? 0) + input.bytes
  return {
    bytes: code.length,
    gzipBytes,
    gzipKb: Math.round((gzipBytes / 1024) * 10) / 10,
    metafile: result.metafile,
    inputs,
    byPackage,
    lazyChunks,
  }
}

/** The import chain from the page to `target` (shortest), as workspace-relative paths. */
export function importChain(metafile: Metafile, target: string): string[] | undefined {
  const entry = Object.keys(metafile.inputs).find((path) => path.endsWith('page.ts'))!
  const previous = new Map<string, string | null>([[entry, null]])
  const queue = [entry]
  while (queue.length > 0) {
    const path = queue.shift()!
    if (path === target) {
      const chain: string[] = []
      for (let at: string | null | undefined = path; at; at = previous.get(at)) chain.unshift(at)
      return chain
    }
    for (const { path: next } of metafile.inputs[path]?.imports ?? []) {
      if (!previous.has(next) && metafile.inputs[next]) {
        previous.set(next, path)
        queue.push(next)
      }
    }
  }
  return undefined
}

/**
 * Why `target` is in the bundle: the chain from the page to the first module that both made it into
 * the output and imports `target` (re-export-only barrels, which contribute no bytes, don't count).
 */
export function retainingChain(measurement: BundleMeasurement, target: string): string[] | undefined {
  const inOutput = new Set(measurement.inputs.map((input) => input.path))
  const retainer = Object.entries(measurement.metafile.inputs).find(
    ([path, input]) =>
      inOutput.has(path) && !path.endsWith('index.ts') && input.imports.some((i) => i.path === target),
  )?.[0]
  const chain = retainer && importChain(measurement.metafile, retainer)
  return chain ? [...chain, target] : undefined
}
