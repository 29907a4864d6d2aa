import { errorEnvelope } from '@ecny/sdk-core/internal'
import * as z from 'zod/mini'
import type { RouteDefinition } from './http/routeDefinition.js'
import { allRoutes } from './http/routes/allRoutes.js'

type JsonObject = Record<string, unknown>

function schemaOf(schema: z.ZodMiniType, io: 'input' | 'output'): JsonObject {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonObject
  delete json.$schema
  return json
}

/**
 * The gateway protocol as an OpenAPI 3.1 document, built from the same zod schemas the rails
 * validate requests with and the SDK parses responses with. Served at `GET /openapi.json`; a docs
 * script can write it to `docs/protocol/openapi.json`.
 *
 * @example
 * import { writeFile } from 'node:fs/promises'
 * await writeFile('docs/protocol/openapi.json', JSON.stringify(buildOpenApiDocument(), null, 2))
 */
export function buildOpenApiDocument(routes: readonly RouteDefinition[] = allRoutes): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {}
  const errorResponse = {
    description: 'Error: `{"error": {code, message, requestId, retryable, details}}`',
    content: { 'application/json': { schema: schemaOf(errorEnvelope, 'output') } },
  }
  for (const route of routes) {
    const parameters: JsonObject[] = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }))
    if (route.method === 'POST') {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Same key + same body replays the first response for 24 h.',
        schema: { type: 'string' },
      })
    }
    const operation: JsonObject = {
      summary: route.summary,
      operationId: `${route.method.toLowerCase()}${route.path.replace(/\{(\w+)\}/g, 'By$1').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters,
      security: route.tokenAccess
        ? [{ requestSignature: [] }, { clientToken: [] }]
        : [{ requestSignature: [] }],
      responses: {
        '200': {
          description: 'OK (signed: Ecny-Signature, Ecny-Request-Id)',
          ...(route.rawContentType
            ? { content: { [route.rawContentType]: { schema: { type: 'string' } } } }
            : route.response && {
                content: { 'application/json': { schema: schemaOf(route.response, 'output') } },
              }),
        },
        default: errorResponse,
      },
    }
    if (route.request) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: schemaOf(route.request, 'input') } },
      }
    }
    paths[route.path] ??= {}
    paths[route.path]![route.method.toLowerCase()] = operation
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'e-CNY gateway protocol',
      version: '1',
      description:
        'JSON over HTTPS; amounts in integer fen; timestamps ISO 8601 with offset; currency CNY. Requests are signed ' +
        '(Ecny-Signature: compact JWS of {iss, htm, htu, iat, jti, bdh}) or carry a scoped client token; responses ' +
        'and notifications are signed by the gateway (keys at /.well-known/jwks.json).',
    },
    paths,
    components: {
      securitySchemes: {
        requestSignature: { type: 'apiKey', in: 'header', name: 'Ecny-Signature' },
        clientToken: { type: 'http', scheme: 'bearer' },
      },
    },
  }
}
