/**
 * The payment engine knows campaigns only through its port (`engine/campaignPort.ts`): no module under
 * src/engine — nor the payment operations it assembles, in src/wallets, src/transfers and src/orders —
 * imports anything from src/campaigns, so they never form an import circle with it. The campaign
 * engine implements the port and `createRails` passes it in.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src')

function sourcesUnder(folder: string): string[] {
  return readdirSync(join(src, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(src, folder, name))
}

/** Every relative module a file imports or re-exports (`import … from`, `export … from`, `import()`), as src-relative paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)]
  return specifiers.map((match) => relative(src, resolve(dirname(file), match[1]!)))
}

const intoCampaigns = (folder: string) =>
  sourcesUnder(folder).flatMap((file) =>
    importsOf(file)
      .filter((target) => target.startsWith('campaigns/'))
      .map((target) => `${relative(src, file)} → ${target}`),
  )

describe('the import graph between the engine and campaigns', () => {
  it('no module under src/engine imports from src/campaigns', () => {
    expect(intoCampaigns('engine')).toEqual([])
  })

  it.each(['wallets', 'transfers', 'orders'])(
    'no module under src/%s imports from src/campaigns',
    (folder) => {
      expect(intoCampaigns(folder)).toEqual([])
    },
  )

  it('the scan sees imports that do cross (campaigns build on the engine), so an empty list means something', () => {
    const crossing = sourcesUnder('campaigns').flatMap(importsOf)
    expect(crossing).toContain('engine/campaignPort.js')
    expect(crossing.filter((target) => target.startsWith('engine/')).length).toBeGreaterThan(5)
  })
})
