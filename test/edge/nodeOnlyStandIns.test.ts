import { EcnyError } from '@ecny/sdk-core'
import { describe, expect, it } from 'vitest'
import { downloadStatement } from '../../packages/sdk-merchant/src/actions/statements/downloadStatement.edge.js'
import { encodePng } from '../../packages/sdk-merchant/src/qr/encodePng.edge.js'
import { reconcile, reconcileToReport } from '../../packages/sdk-merchant/src/reconcile/reconcile.edge.js'

// The edge build's stand-ins for what needs Node: each throws unsupported_runtime naming itself.
async function errorOf(work: () => unknown): Promise<EcnyError> {
  try {
    await work()
  } catch (error) {
    if (error instanceof EcnyError) return error
    throw error
  }
  throw new Error('no error was thrown')
}

describe('the edge build stand-ins for Node-only features', () => {
  const cases: Array<[string, () => unknown]> = [
    ['downloadStatement', () => downloadStatement({} as never, { date: '2025-01-01' }).next()],
    ['reconcile', () => reconcile([], [])],
    ['reconcileToReport', () => reconcileToReport([], [])],
    ['renderQrPng', () => encodePng(1, 1, () => [0, 0, 0, 255])],
  ]
  for (const [feature, call] of cases) {
    it(`${feature} throws unsupported_runtime with a hint`, async () => {
      const error = await errorOf(call)
      expect(error.code).toBe('unsupported_runtime')
      expect(error.details).toEqual({ feature })
      expect(error.message).toContain('edge build')
      expect(error.hint).toMatch(/Node job|renderQrSvg/)
    })
  }
})
