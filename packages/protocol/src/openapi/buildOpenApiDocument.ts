import * as z from 'zod/mini'
import { headers } from '../constants/headers.js'
import { signatureTypes } from '../constants/signatureTypes.js'
import { type Operation, pathParameterNames } from '../operations/defineOperation.js'
import { operations } from '../operations/operations.js'
import { errorEnvelope } from '../schemas/common.js'
import { notificationEvent } from '../schemas/notifications.js'

type JsonObject = Record<string, unknown>

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonObject {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonObject
  delete json.$schema
  return json
}

/** Collects named schemas under `components.schemas` and hands back `$ref`s to them. */
function componentRegistry() {
  const schemas: Record<string, JsonObject> = {}
  const ref = (name: string, schema: z.ZodMiniType, io: 'input' | 'output'): JsonObject => {
    schemas[name] ??= jsonSchema(schema, io)
    return { $ref: `#/components/schemas/${name}` }
  }
  return { schemas, ref }
}

/** The query schema of an operation as OpenAPI `in: query` parameters. */
function queryParameters(operation: Operation): JsonObject[] {
  if (!operation.query) return []
  const schema = jsonSchema(operation.query, 'input') as {
    properties?: Record<string, JsonObject>
    required?: string[]
  }
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }))
}

/**
 * The reference protocol as an OpenAPI 3.1 document, generated from the operation table: one
 * operation per entry (its `operationId` is the table's name), request and response bodies as named
 * components (`#/components/schemas/Order`), the error envelope and the notification event too, so
 * other languages can generate usable clients. The sandbox serves it at `GET /openapi.json`;
 * `pnpm openapi` writes it to `docs/protocol/openapi.json`.
 *
 * @example
 * import { writeFile } from 'node:fs/promises'
 * import { buildOpenApiDocument } from '@ecny/protocol'
 * await writeFile('openapi.json', JSON.stringify(buildOpenApiDocument(), null, 2))
 */
export function buildOpenApiDocument(
  table: Readonly<Record<string, Operation>> = operations,
  extra: { description?: string } = {},
): JsonObject {
  const components = componentRegistry()
  const errorRef = components.ref('Error', errorEnvelope, 'output')
  components.ref('NotificationEvent', notificationEvent, 'output')
  const paths: Record<string, Record<string, JsonObject>> = {}
  for (const operation of Object.values(table)) {
    const parameters: JsonObject[] = [
      ...pathParameterNames(operation.path).map((name) => ({
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      ...queryParameters(operation),
    ]
    if (operation.keyed) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Same key + same body replays the first response for 24 h; the SDK sends one per call.',
        schema: { type: 'string' },
      })
    }
    const success: JsonObject = { description: `OK (signed: Ecny-Signature, typ ${signatureTypes.response})` }
    if (operation.rawContentType) {
      success.content = { [operation.rawContentType]: { schema: { type: 'string' } } }
    } else if (operation.response) {
      const schema = operation.responseName
        ? components.ref(operation.responseName, operation.response, 'output')
        : jsonSchema(operation.response, 'output')
      success.content = { 'application/json': { schema } }
    }
    const entry: JsonObject = {
      operationId: operation.name,
      summary: operation.summary,
      parameters,
      security:
        operation.tokenScopes.length > 0
          ? [{ requestSignature: [] }, { clientToken: [] }]
          : [{ requestSignature: [] }],
      ...(operation.tokenScopes.length > 0 && { 'x-token-scopes': operation.tokenScopes }),
      ...(operation.testMode && { tags: ['test mode'], 'x-test-mode': true }),
      responses: {
        '200': success,
        default: {
          description: 'Error: `{"error": {code, message, requestId, retryable, details}}`',
          content: { 'application/json': { schema: errorRef } },
        },
      },
    }
    if (operation.request) {
      const schema = operation.requestName
        ? components.ref(operation.requestName, operation.request, 'input')
        : jsonSchema(operation.request, 'input')
      entry.requestBody = { required: true, content: { 'application/json': { schema } } }
    }
    paths[operation.path] ??= {}
    paths[operation.path]![operation.method.toLowerCase()] = entry
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'e-CNY gateway protocol',
      version: '1',
      description:
        extra.description ??
        'JSON over HTTPS; amounts in integer fen; timestamps ISO 8601 with offset; currency CNY. Requests are signed ' +
          `(${headers.signature}: compact JWS, typ ${signatureTypes.request}, of {iss, htm, htu, iat, jti, bdh}) or carry a ` +
          'scoped client token; responses are signed by the gateway over {iss, iat, jti, bdh, rid, htm, htu, nonce, sts} — ' +
          'bound to the request they answer and to their HTTP status (sts) — and notifications over {iss, iat, jti, bdh, rid} ' +
          '(keys at /.well-known/jwks.json).',
    },
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: {
        requestSignature: { type: 'apiKey', in: 'header', name: 'Ecny-Signature' },
        clientToken: { type: 'http', scheme: 'bearer' },
      },
    },
  }
}
