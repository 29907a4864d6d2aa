import { fileURLToPath } from 'node:url'
import { operations } from '@ecny/protocol'
import { otelHooks } from '@ecny/sdk-core/otel'
import { SpanKind, SpanStatusCode } from '@opentelemetry/api'
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base'
import { build } from 'esbuild'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { baseUrl, errorJson, type GatewayKey, makeKeyPair, signedJson } from '../../test/fakeGateway.js'
import { createBaseClient } from '../client/createBaseClient.js'
import { fromOperation } from '../transport/fromOperation.js'

const server = setupServer()
const exporter = new InMemorySpanExporter()
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
let gatewayKey: GatewayKey
let appKey: GatewayKey
const echo = z.looseObject({ ok: z.boolean() })

beforeAll(async () => {
  gatewayKey = await makeKeyPair('gw-1')
  appKey = await makeKeyPair('app-key-1')
  server.listen({ onUnhandledRequest: 'error' })
})
afterEach(() => {
  server.resetHandlers()
  exporter.reset()
})
afterAll(() => server.close())

function tracedClient() {
  return createBaseClient({
    baseUrl,
    credentials: { appId: 'app_test', privateKey: appKey.privateJwk },
    gatewayKeys: { keys: [gatewayKey.publicJwk] },
    hooks: otelHooks({ tracer: provider.getTracer('test') }),
  })
}

const byStart = (spans: ReadableSpan[]) =>
  [...spans].sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1])

describe('otelHooks', () => {
  it('traces a retried call: one call span, and under it one CLIENT span per attempt', async () => {
    let calls = 0
    server.use(
      http.post(`${baseUrl}/v1/orders/:id/close`, ({ request }) =>
        ++calls === 1
          ? signedJson(request, gatewayKey, 503, errorJson('service_unavailable', 'busy', true), {
              headers: { 'retry-after': '0' },
            })
          : signedJson(request, gatewayKey, 200, { ok: true }),
      ),
    )
    await tracedClient().request({ ...fromOperation(operations.closeOrder, { id: 'ord_1' }), schema: echo })

    const spans = exporter.getFinishedSpans()
    expect(spans).toHaveLength(3)
    const call = spans.find((span) => span.kind === SpanKind.INTERNAL)!
    const [first, second] = byStart(spans.filter((span) => span.kind === SpanKind.CLIENT))
    expect(call.name).toBe('closeOrder')
    expect(call.parentSpanContext).toBeUndefined()
    for (const attempt of [first!, second!]) {
      expect(attempt.name).toBe('POST /v1/orders/{id}/close')
      expect(attempt.parentSpanContext?.spanId).toBe(call.spanContext().spanId)
      expect(attempt.spanContext().traceId).toBe(call.spanContext().traceId)
    }
    const common = {
      'http.request.method': 'POST',
      'url.template': '/v1/orders/{id}/close',
      'server.address': 'gateway.test',
      'ecny.operation': 'closeOrder',
    }
    expect(first!.attributes).toEqual({
      ...common,
      'ecny.attempt': 1,
      'http.response.status_code': 503,
      'ecny.request_id': expect.stringMatching(/^req_test_/),
      'error.type': 'service_unavailable',
    })
    expect(first!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'service_unavailable: busy' })
    expect(first!.events.map((event) => [event.name, event.attributes?.['exception.type']])).toEqual([
      ['exception', 'service_unavailable'],
    ])
    expect(second!.attributes).toEqual({
      ...common,
      'ecny.attempt': 2,
      'http.request.resend_count': 1,
      'http.response.status_code': 200,
      'ecny.request_id': expect.stringMatching(/^req_test_/),
    })
    expect(second!.status.code).toBe(SpanStatusCode.UNSET)
    expect(call.attributes).toEqual({
      ...common,
      'ecny.attempt': 2,
      'http.response.status_code': 200,
      'ecny.request_id': second!.attributes['ecny.request_id'],
    })
    expect(call.status.code).toBe(SpanStatusCode.UNSET)
    expect(call.events.map((event) => [event.name, event.attributes])).toEqual([
      ['ecny.retry', { 'ecny.attempt': 1, 'error.type': 'service_unavailable', 'ecny.retry_in_ms': 0 }],
    ])
    const ns = ([seconds, nanos]: [number, number]) => BigInt(seconds) * 1_000_000_000n + BigInt(nanos)
    expect(ns(first!.endTime) <= ns(second!.startTime)).toBe(true)
  })

  it('records a failed call with its code on the call span and the attempt span', async () => {
    server.use(
      http.get(`${baseUrl}/v1/orders/:id`, ({ request }) =>
        signedJson(request, gatewayKey, 404, errorJson('not_found', 'no order ord_9')),
      ),
    )
    const error = await tracedClient()
      .request({ ...fromOperation(operations.getOrder, { id: 'ord_9' }), schema: echo })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'not_found' })

    const spans = exporter.getFinishedSpans()
    expect(spans.map((span) => span.name).sort()).toEqual(['GET /v1/orders/{id}', 'getOrder'])
    for (const span of spans) {
      expect(span.attributes).toMatchObject({
        'error.type': 'not_found',
        'http.response.status_code': 404,
        'url.template': '/v1/orders/{id}',
      })
      expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'not_found: no order ord_9' })
      expect(span.events[0]?.attributes).toMatchObject({
        'exception.type': 'not_found',
        'exception.message': 'no order ord_9',
      })
    }
  })

  it("the main entry's graph does not import @opentelemetry/api; the otel entry does", async () => {
    const importsOf = async (entry: string) => {
      const result = await build({
        entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
        bundle: true,
        packages: 'external',
        platform: 'node',
        format: 'esm',
        write: false,
        metafile: true,
        logLevel: 'silent',
      })
      return Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path))
    }
    expect((await importsOf('../index.ts')).filter((path) => path.startsWith('@opentelemetry'))).toEqual([])
    expect(await importsOf('../exports/otel.ts')).toContain('@opentelemetry/api')
  })
})
