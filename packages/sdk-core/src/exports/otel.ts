/**
 * `@ecny/sdk-core/otel`: OpenTelemetry tracing for every call, as request hooks. Needs
 * `@opentelemetry/api` (an optional peer dependency); the main entry never imports it.
 */
export { type OtelHooksOptions, otelHooks } from '../otel/otelHooks.js'
