// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  bundleBudgetKb,
  lazyChunkBudgetKb,
  measureBundle,
  reactLayerBudgetKb,
  signingModules,
} from './measureBundle.js'

const withCore = measureBundle()
const reactOnly = measureBundle({ excludeCore: true })

describe('browser bundle of a page using sdk-react', () => {
  it(`keeps sdk-react's own code within ${reactLayerBudgetKb} KB gzipped`, async () => {
    expect((await reactOnly).gzipKb).toBeLessThanOrEqual(reactLayerBudgetKb)
  })

  it('never imports a signing module from sdk-react itself', async () => {
    const { metafile } = await withCore
    for (const [path, input] of Object.entries(metafile.inputs)) {
      if (!path.startsWith('packages/sdk-react/')) continue
      for (const imported of input.imports) expect(signingModules).not.toContain(imported.path)
    }
    const { metafile: own } = await reactOnly
    expect(Object.keys(own.inputs).filter((path) => path.includes('sdk-core'))).toEqual([])
  })

  it('contains no server-credential signing code and no axios', async () => {
    const { inputs } = await withCore
    const paths = inputs.map((input) => input.path)
    expect(paths.filter((path) => signingModules.includes(path))).toEqual([])
    expect(paths.filter((path) => path.includes('node_modules/axios'))).toEqual([])
    expect(paths).toContain('packages/sdk-core/src/transport/http/fetchHttp.ts')
  })

  it(`fits the ${bundleBudgetKb} KB gzipped budget with sdk-core`, async () => {
    expect((await withCore).gzipKb).toBeLessThanOrEqual(bundleBudgetKb)
  })

  it(`loads the zh-CN error catalogue only on demand, within ${lazyChunkBudgetKb} KB`, async () => {
    const { inputs, lazyChunks } = await withCore
    const catalogue = 'packages/sdk-core/src/errors/messagesZhCN.ts'
    expect(inputs.map((input) => input.path)).not.toContain(catalogue)
    const chunk = lazyChunks.find((lazy) => lazy.inputs.includes(catalogue))
    expect(chunk?.gzipKb).toBeGreaterThan(0)
    for (const lazy of lazyChunks) expect(lazy.gzipKb).toBeLessThanOrEqual(lazyChunkBudgetKb)
  })
})
