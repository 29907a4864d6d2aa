/**
 * Writes the gateway protocol as OpenAPI 3.1 to docs/protocol/openapi.json, generated from the same
 * operation table the SDK and the rails are built on (the rails serve it at /openapi.json). `pnpm openapi`.
 */
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { buildOpenApiDocument } from '@ecny/protocol'
import { gatewayOperations } from '../packages/mock-rails/src/http/gatewayOperations.js'

export const openApiPath = fileURLToPath(new URL('../docs/protocol/openapi.json', import.meta.url))

export function renderOpenApi(): string {
  return `${JSON.stringify(buildOpenApiDocument(gatewayOperations), null, 2)}\n`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(openApiPath, renderOpenApi())
  console.log(`wrote ${openApiPath}`)
}
