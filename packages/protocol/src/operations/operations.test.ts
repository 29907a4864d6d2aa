import { describe, expect, it } from 'vitest'
import { buildOpenApiDocument } from '../openapi/buildOpenApiDocument.js'
import type { Operation } from './defineOperation.js'
import { operations } from './operations.js'

describe('the operation table', () => {
  const entries: [string, Operation][] = Object.entries(operations)

  it('names each operation by its key, once per method and path', () => {
    for (const [key, operation] of entries) expect(operation.name).toBe(key)
    const routes = entries.map(([, operation]) => `${operation.method} ${operation.path}`)
    expect(new Set(routes).size).toBe(routes.length)
  })

  it('keys every POST and only POSTs', () => {
    for (const [, operation] of entries) expect(operation.keyed).toBe(operation.method === 'POST')
  })

  it('generates OpenAPI with one operationId per entry and bodies as named components', () => {
    const doc = buildOpenApiDocument() as {
      paths: Record<string, Record<string, { operationId: string; requestBody?: unknown }>>
      components: { schemas: Record<string, unknown> }
    }
    for (const [name, operation] of entries) {
      const documented = doc.paths[operation.path]?.[operation.method.toLowerCase()]
      expect(documented?.operationId, name).toBe(name)
      expect(Boolean(documented?.requestBody), name).toBe(Boolean(operation.request))
    }
    const createOrder = JSON.stringify(doc.paths['/v1/orders']!.post)
    expect(createOrder).toContain('#/components/schemas/CreateOrderRequest')
    expect(createOrder).toContain('#/components/schemas/Order')
    expect(JSON.stringify(doc.components.schemas.CreateOrderRequest)).toContain('merchantOrderNo')
    expect(doc.components.schemas).toHaveProperty('Error')
    expect(doc.components.schemas).toHaveProperty('NotificationEvent')
  })

  it('gives a named component one schema, whichever operation named it', () => {
    const byName = new Map<string, unknown>()
    for (const [, operation] of entries) {
      if (!operation.responseName) continue
      const seen = byName.get(operation.responseName)
      if (seen) expect(operation.response, operation.responseName).toBe(seen)
      byName.set(operation.responseName, operation.response)
    }
  })
})
