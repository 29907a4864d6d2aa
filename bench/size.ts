/**
 * `pnpm bench size`: the browser bundle of a small page using sdk-react's main hooks and
 * PaymentQRCode (react, react-dom and TanStack Query left to the app), minified and gzipped (level 9).
 * `bundle_react_core_gz_kb` includes sdk-core and its dependencies (budget 51 KB, see docs/react.md#bundle);
 * `bundle_react_only_gz_kb` is sdk-react's own share.
 */
import { measureBundle } from '../packages/sdk-react/test/measureBundle.js'

export async function run(): Promise<Record<string, number>> {
  const [withCore, reactOnly] = await Promise.all([measureBundle(), measureBundle({ excludeCore: true })])
  const top = Object.entries(withCore.byPackage)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KB`)
  console.log(`largest contributors (minified, before gzip): ${top.join(', ')}`)
  return { bundle_react_core_gz_kb: withCore.gzipKb, bundle_react_only_gz_kb: reactOnly.gzipKb }
}
