#!/usr/bin/env node
/**
 * Renders docs/protocol/openapi.json as pages of the docs site: docs/protocol/index.md (the overview
 * and every operation), one page per resource group (`wallets.md`, `orders.md`, …) with each
 * operation under a `{#operationId}` heading, and schemas.md with each component under `{#name}`.
 * The pages are generated (gitignored); the OpenAPI file stays the source (`pnpm openapi`).
 *
 * Usage: node scripts/docs-protocol.mjs [openapi.json] [outDir]
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const input = resolve(process.argv[2] ?? join(root, 'docs/protocol/openapi.json'))
const outDir = resolve(process.argv[3] ?? dirname(input))

/** Resource groups that share a page with a bigger one. */
const groupOf = { 'sub-wallets': 'wallets', qr: 'orders', refunds: 'orders', scenes: 'merchants' }
const methods = ['get', 'post', 'put', 'patch', 'delete']

const escapeText = (text) =>
  String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('{', '&#123;')
    .replaceAll('}', '&#125;')
    .replaceAll('|', '&#124;')
    .replaceAll('*', '&#42;')
    .replaceAll('_', '&#95;')

/** Description text as safe HTML: `code` spans kept as <code>, nothing Vue or a table could misread. */
const prose = (text) =>
  String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .split('`')
    .map((part, index) => (index % 2 === 1 ? `<code>${escapeText(part)}</code>` : escapeText(part)))
    .join('')

const schemaId = (name) => name.toLowerCase()
const refName = (ref) => ref.replace('#/components/schemas/', '')
const schemaLink = (name, page) => `[${name}](${page === 'schemas' ? '' : 'schemas'}#${schemaId(name)})`

/** A one-line type for a schema: `string`, `integer`, `Order`, `Order[]`, `'a' | 'b'`. */
function typeOf(schema, page) {
  if (!schema) return 'any'
  if (schema.$ref) return schemaLink(refName(schema.$ref), page)
  if (schema.const !== undefined) return `<code>${escapeText(JSON.stringify(schema.const))}</code>`
  if (schema.enum)
    return schema.enum.map((value) => `<code>${escapeText(JSON.stringify(value))}</code>`).join(' &#124; ')
  for (const key of ['oneOf', 'anyOf'])
    if (schema[key]) return schema[key].map((s) => typeOf(s, page)).join(' &#124; ')
  if (schema.allOf) return schema.allOf.map((s) => typeOf(s, page)).join(' &amp; ')
  if (schema.type === 'array') return `${typeOf(schema.items, page)}[]`
  if (Array.isArray(schema.type)) return schema.type.join(' &#124; ')
  if (schema.type === 'object' && schema.additionalProperties && !schema.properties)
    return `map of ${typeOf(schema.additionalProperties === true ? undefined : schema.additionalProperties, page)}`
  return schema.type ?? 'any'
}

/** Limits worth knowing: lengths, ranges, patterns, formats. */
function constraintsOf(schema) {
  if (!schema) return ''
  const parts = []
  if (schema.format) parts.push(schema.format)
  if (schema.minLength !== undefined) parts.push(`≥ ${schema.minLength} chars`)
  if (schema.maxLength !== undefined) parts.push(`≤ ${schema.maxLength} chars`)
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`)
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`)
  if (schema.minItems !== undefined) parts.push(`≥ ${schema.minItems} items`)
  if (schema.maxItems !== undefined) parts.push(`≤ ${schema.maxItems} items`)
  if (schema.pattern) parts.push(`<code>${escapeText(schema.pattern)}</code>`)
  if (schema.default !== undefined)
    parts.push(`default <code>${escapeText(JSON.stringify(schema.default))}</code>`)
  return parts.join(', ')
}

/** Table rows for an object's properties; nested inline objects become `parent.child` rows. */
function propertyRows(schema, page, prefix = '') {
  const required = new Set(schema.required ?? [])
  const rows = []
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const item = property.type === 'array' ? property.items : property
    rows.push(
      `| <code>${escapeText(prefix + name)}</code> | ${typeOf(property, page)} | ${required.has(name) ? 'yes' : ''} | ${constraintsOf(property)} | ${prose(property.description)} |`,
    )
    if (item?.properties && !item.$ref)
      rows.push(...propertyRows(item, page, `${prefix}${name}${item === property ? '' : '[]'}.`))
  }
  return rows
}

function schemaBlock(schema, page) {
  const lines = []
  if (schema.description) lines.push(prose(schema.description), '')
  const object = schema.type === 'object' || schema.properties ? schema : undefined
  if (object?.properties) {
    lines.push('| field | type | required | limits | description |', '| --- | --- | --- | --- | --- |')
    lines.push(...propertyRows(object, page), '')
  } else
    lines.push(
      `Type: ${typeOf(schema, page)}${constraintsOf(schema) ? ` (${constraintsOf(schema)})` : ''}`,
      '',
    )
  return lines
}

const spec = JSON.parse(readFileSync(input, 'utf8'))
const operations = []
for (const [path, item] of Object.entries(spec.paths ?? {}))
  for (const method of methods) {
    const operation = item[method]
    if (!operation) continue
    const segment = path.split('/').filter(Boolean)[path.startsWith('/v1/') ? 1 : 0] ?? 'other'
    const group = (groupOf[segment] ?? segment).replace(/[^a-z0-9-]/gi, '-').replace(/^-+|-+$/g, '')
    operations.push({ path, method, operation, group, id: operation.operationId ?? `${method}-${path}` })
  }

function operationBlock({ path, method, operation, id }, page) {
  const lines = [`## ${operation.summary ?? id} {#${id.toLowerCase()}}`, '']
  lines.push(
    `<code>${method.toUpperCase()} ${escapeText(path)}</code> · operationId <code>${escapeText(id)}</code>`,
    '',
  )
  if (operation.description) lines.push(prose(operation.description), '')
  const security = (operation.security ?? spec.security ?? []).flatMap((entry) => Object.keys(entry))
  if (security.length > 0)
    lines.push(
      `**Authentication:** ${security.map((name) => `<code>${escapeText(name)}</code>`).join(' or ')}`,
      '',
    )
  if (operation['x-token-scopes'])
    lines.push(
      `**Client token scopes:** ${operation['x-token-scopes'].map((s) => `<code>${escapeText(s)}</code>`).join(', ')}`,
      '',
    )
  const parameters = operation.parameters ?? []
  if (parameters.length > 0) {
    lines.push('| parameter | in | type | required | description |', '| --- | --- | --- | --- | --- |')
    for (const parameter of parameters)
      lines.push(
        `| <code>${escapeText(parameter.name)}</code> | ${parameter.in} | ${typeOf(parameter.schema, page)} | ${parameter.required ? 'yes' : ''} | ${prose(parameter.description)} |`,
      )
    lines.push('')
  }
  const body = operation.requestBody?.content?.['application/json']?.schema
  if (body)
    lines.push(
      `**Request body:** ${typeOf(body, page)}${operation.requestBody.required ? '' : ' (optional)'}`,
      '',
    )
  const responses = Object.entries(operation.responses ?? {})
  if (responses.length > 0) {
    lines.push('| status | body | description |', '| --- | --- | --- |')
    for (const [status, response] of responses) {
      const content = response.content ?? {}
      const [type, media] = Object.entries(content)[0] ?? []
      const shown = media?.schema ? typeOf(media.schema, page) : type ? escapeText(type) : ''
      lines.push(`| ${status} | ${shown} | ${prose(response.description)} |`)
    }
    lines.push('')
  }
  return lines
}

const title = (group) => group.charAt(0).toUpperCase() + group.slice(1).replace(/-/g, ' ')
const groups = [...new Set(operations.map((operation) => operation.group))].sort()

mkdirSync(outDir, { recursive: true })
for (const file of readdirSync(outDir)) if (file.endsWith('.md')) rmSync(join(outDir, file))

const generated = '<!-- Generated by scripts/docs-protocol.mjs from openapi.json; do not edit. -->'
const index = [generated, '', `# ${escapeText(spec.info?.title ?? 'Protocol')}`, '']
index.push(`Version ${escapeText(spec.info?.version ?? '')}. ${prose(spec.info?.description)}`, '')
index.push(
  'The machine-readable source is [openapi.json](openapi.json) (OpenAPI 3.1, `pnpm openapi`); these pages are rendered from it. Data types: [schemas](schemas).',
  '',
)
const schemes = Object.entries(spec.components?.securitySchemes ?? {})
if (schemes.length > 0) {
  index.push('## Authentication', '', '| scheme | kind | where |', '| --- | --- | --- |')
  for (const [name, scheme] of schemes)
    index.push(
      `| <code>${escapeText(name)}</code> | ${escapeText(scheme.type)}${scheme.scheme ? ` (${escapeText(scheme.scheme)})` : ''} | ${escapeText(scheme.in ? `${scheme.in} ${scheme.name}` : 'Authorization header')} |`,
    )
  index.push('')
}
for (const group of groups) {
  index.push(`## ${title(group)}`, '', '| operation | method and path |', '| --- | --- |')
  for (const operation of operations.filter((candidate) => candidate.group === group))
    index.push(
      `| [${escapeText(operation.id)}](${group}#${operation.id.toLowerCase()}) | <code>${operation.method.toUpperCase()} ${escapeText(operation.path)}</code> |`,
    )
  index.push('')
}
writeFileSync(join(outDir, 'index.md'), index.join('\n'))

for (const group of groups) {
  const page = [
    generated,
    '',
    `# ${title(group)}`,
    '',
    `Part of the [gateway protocol](./). Data types: [schemas](schemas).`,
    '',
  ]
  for (const operation of operations.filter((candidate) => candidate.group === group))
    page.push(...operationBlock(operation, group))
  writeFileSync(join(outDir, `${group}.md`), page.join('\n'))
}

const schemas = [
  generated,
  '',
  '# Schemas',
  '',
  'The data types of the [gateway protocol](./). Amounts are integer fen.',
  '',
]
for (const [name, schema] of Object.entries(spec.components?.schemas ?? {}))
  schemas.push(`## ${name} {#${schemaId(name)}}`, '', ...schemaBlock(schema, 'schemas'))
writeFileSync(join(outDir, 'schemas.md'), schemas.join('\n'))

console.log(
  `docs-protocol: ${operations.length} operations in ${groups.length} pages, ${Object.keys(spec.components?.schemas ?? {}).length} schemas → ${outDir}`,
)
