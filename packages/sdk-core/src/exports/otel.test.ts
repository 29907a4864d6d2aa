import { expect, it } from 'vitest'
import * as otel from './otel.js'

it('exports the OpenTelemetry integration and nothing else', () => {
  expect(Object.keys(otel).sort()).toMatchInlineSnapshot(`
    [
      "otelHooks",
    ]
  `)
})
