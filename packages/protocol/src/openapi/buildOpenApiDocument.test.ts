import { describe, expect, it } from 'vitest'
import { buildOpenApiDocument } from './buildOpenApiDocument.js'

type Doc = {
  paths: Record<string, Record<string, Record<string, unknown>>>
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> }
}

describe('buildOpenApiDocument', () => {
  const doc = buildOpenApiDocument() as Doc
  const parameterNames = (operation: Record<string, unknown>) =>
    (operation.parameters as Array<{ name: string }>).map((p) => p.name)

  it('documents the statement as text/csv, and PATCH without an Idempotency-Key', () => {
    const statement = doc.paths['/v1/statements/{date}']!.get!.responses as Record<
      string,
      { content?: object }
    >
    expect(Object.keys(statement['200']!.content!)).toEqual(['text/csv; charset=utf-8'])
    expect(parameterNames(doc.paths['/v1/merchants/{id}']!.patch!)).toEqual(['id'])
    expect(parameterNames(doc.paths['/v1/campaigns/{id}']!.patch!)).toEqual(['id'])
    expect(parameterNames(doc.paths['/v1/merchants']!.post!)).toContain('Idempotency-Key')
  })

  it('documents query parameters from the query schemas', () => {
    const find = doc.paths['/v1/orders']!.get!.parameters as Array<{ name: string; required: boolean }>
    expect(find).toContainEqual(expect.objectContaining({ name: 'merchantOrderNo', required: true }))
    expect(parameterNames(doc.paths['/v1/campaigns']!.get!)).toEqual(['status', 'limit', 'cursor'])
  })

  it('documents the eligible campaigns page as a named component', () => {
    const responses = doc.paths['/v1/wallets/{id}/eligible-campaigns']!.get!.responses as Record<
      string,
      { content: Record<string, { schema: { $ref: string } }> }
    >
    const ref = responses['200']!.content['application/json']!.schema.$ref
    expect(ref).toBe('#/components/schemas/EligibleCampaignPage')
    expect(Object.keys(doc.components.schemas.EligibleCampaignPage!.properties ?? {}).sort()).toEqual([
      'data',
      'nextCursor',
    ])
  })

  it('lists the token scopes of operations a browser may call', () => {
    expect(doc.paths['/v1/orders/{id}/pay']!.post!['x-token-scopes']).toEqual(['wallet'])
    expect(doc.paths['/v1/orders']!.post!['x-token-scopes']).toBeUndefined()
  })
})
