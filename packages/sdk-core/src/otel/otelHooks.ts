import {
  type Attributes,
  context,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api'
import type { RequestEvent, RequestHooks } from '../transport/requestHooks.js'

export type OtelHooksOptions = {
  /** Default: `trace.getTracer('@ecny/sdk-core')` from the globally registered provider. */
  tracer?: Tracer
}

type OpenCall = { span: Span; attempt: Span | undefined }

/** Attributes every span of a call carries (OpenTelemetry's HTTP client names, plus `ecny.*`). */
function callAttributes(event: RequestEvent): Attributes {
  return {
    'http.request.method': event.method,
    'url.template': event.route,
    'server.address': event.serverAddress,
    ...(event.operation === undefined ? {} : { 'ecny.operation': event.operation }),
  }
}

function answerAttributes(event: RequestEvent): Attributes {
  return {
    ...(event.status === undefined ? {} : { 'http.response.status_code': event.status }),
    ...(event.requestId === undefined ? {} : { 'ecny.request_id': event.requestId }),
  }
}

/** Marks `span` failed with the event's error: `error.type` is its code, the exception carries it too. */
function fail(span: Span, event: RequestEvent): void {
  const { error } = event
  if (!error) return
  const type = error.code ?? error.name
  span.setAttribute('error.type', type)
  span.recordException({ name: error.name, code: type, message: error.message })
  span.setStatus({ code: SpanStatusCode.ERROR, message: `${type}: ${error.message}` })
}

/**
 * Request hooks that trace every call with OpenTelemetry: one span per logical call (named after
 * the operation, e.g. `createOrder`) and, under it, one `CLIENT` span per attempt (`POST /v1/orders`),
 * with the HTTP client attribute names (`http.request.method`, `url.template`,
 * `http.response.status_code`, `server.address`, `error.type` = the `EcnyError` code) and
 * `ecny.operation`, `ecny.request_id`, `ecny.attempt`. Failed spans record the error with its code.
 * `@opentelemetry/api` is an optional peer dependency, needed only by this entry.
 *
 * @example
 * import { otelHooks } from '@ecny/sdk-core/otel'
 * const client = createMerchantClient({ ...config, hooks: otelHooks() })
 */
export function otelHooks(options: OtelHooksOptions = {}): RequestHooks {
  const tracer = options.tracer ?? trace.getTracer('@ecny/sdk-core')
  const calls = new Map<string, OpenCall>()

  const endAttempt = (call: OpenCall, event: RequestEvent) => {
    if (!call.attempt) return
    call.attempt.setAttributes(answerAttributes(event))
    fail(call.attempt, event)
    call.attempt.end()
    call.attempt = undefined
  }
  const endCall = (event: RequestEvent) => {
    const call = calls.get(event.callId)
    if (!call) return
    calls.delete(event.callId)
    endAttempt(call, event)
    call.span.setAttributes({ ...answerAttributes(event), 'ecny.attempt': event.attempt })
    fail(call.span, event)
    call.span.end()
  }

  return {
    onRequest(event) {
      let call = calls.get(event.callId)
      if (!call) {
        const span = tracer.startSpan(event.operation ?? `${event.method} ${event.route}`, {
          kind: SpanKind.INTERNAL,
          attributes: callAttributes(event),
        })
        call = { span, attempt: undefined }
        calls.set(event.callId, call)
      }
      call.attempt = tracer.startSpan(
        `${event.method} ${event.route}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            ...callAttributes(event),
            'ecny.attempt': event.attempt,
            ...(event.attempt > 1 ? { 'http.request.resend_count': event.attempt - 1 } : {}),
          },
        },
        trace.setSpan(context.active(), call.span),
      )
    },
    onResponse(event) {
      if (event.error) {
        const call = calls.get(event.callId)
        if (call) endAttempt(call, event)
      } else endCall(event)
    },
    onRetry(event) {
      const call = calls.get(event.callId)
      if (!call) return
      endAttempt(call, event)
      call.span.addEvent('ecny.retry', {
        'ecny.attempt': event.attempt,
        ...(event.error?.code ? { 'error.type': event.error.code } : {}),
        ...(event.retryInMs === undefined ? {} : { 'ecny.retry_in_ms': event.retryInMs }),
      })
    },
    onError(event) {
      endCall(event)
    },
  }
}
