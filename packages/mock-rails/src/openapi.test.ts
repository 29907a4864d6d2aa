import { describe, expect, it } from 'vitest'
import { allRoutes } from './http/routes/allRoutes.js'
import { buildOpenApiDocument } from './openapi.js'

describe('buildOpenApiDocument', () => {
  it('documents every route with its request and response schemas', () => {
    const doc = buildOpenApiDocument() as {
      openapi: string
      paths: Record<string, Record<string, { requestBody?: unknown; operationId: string }>>
    }
    expect(doc.openapi).toBe('3.1.0')
    for (const route of allRoutes) {
      const operation = doc.paths[route.path]?.[route.method.toLowerCase()]
      expect(operation, `${route.method} ${route.path}`).toBeDefined()
      expect(Boolean(operation!.requestBody)).toBe(Boolean(route.request))
    }
    const ids = allRoutes.map((r) => doc.paths[r.path]![r.method.toLowerCase()]!.operationId)
    expect(new Set(ids).size).toBe(ids.length)
    expect(JSON.stringify(doc.paths['/v1/orders']!.post)).toContain('merchantOrderNo')
  })
})
