import { expect, it } from 'vitest'
import { buildOpenApiDocument } from '../openapi/buildOpenApiDocument.js'
import { operations } from './operations.js'

const testControls = [
  'getTestClock',
  'advanceTestClock',
  'triggerTestEvent',
  'listTestNotifications',
  'resendTestNotification',
  'claimTestNotifications',
  'reportForwardedDelivery',
  'getTestFaults',
  'setTestFaults',
  'verifyTestLedger',
]

it('lists the test-mode controls in the table, under /v1/test, server credentials only', () => {
  const table = operations as Record<
    string,
    { path: string; testMode?: boolean; tokenScopes: readonly string[] }
  >
  const marked = Object.keys(table).filter((name) => table[name]!.testMode === true)
  expect(marked.sort()).toEqual([...testControls].sort())
  for (const name of testControls) {
    expect(table[name]!.path.startsWith('/v1/test/'), name).toBe(true)
    expect(table[name]!.tokenScopes, name).toEqual([])
  }
})

it('documents each test-mode control in the OpenAPI, marked x-test-mode', () => {
  const doc = buildOpenApiDocument() as {
    paths: Record<string, Record<string, { operationId: string; 'x-test-mode'?: boolean; tags?: string[] }>>
  }
  const documented = Object.values(doc.paths)
    .flatMap((methods) => Object.values(methods))
    .filter((entry) => entry['x-test-mode'] === true)
  expect(documented.map((entry) => entry.operationId).sort()).toEqual([...testControls].sort())
  for (const entry of documented) expect(entry.tags).toEqual(['test mode'])
})
