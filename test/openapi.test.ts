import { readFile } from 'node:fs/promises'
import { expect, it } from 'vitest'
import { openApiPath, renderOpenApi } from '../scripts/write-openapi.js'

it('docs/protocol/openapi.json is the document the rails generate (run `pnpm openapi` after a protocol change)', async () => {
  const committed = await readFile(openApiPath, 'utf8')
  expect(committed).toBe(renderOpenApi())
  const doc = JSON.parse(committed) as { openapi: string; paths: Record<string, unknown> }
  expect(doc.openapi).toBe('3.1.0')
  expect(Object.keys(doc.paths)).toContain('/v1/orders')
})
