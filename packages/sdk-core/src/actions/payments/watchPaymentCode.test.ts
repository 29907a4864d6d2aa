import type { PaymentCode } from '@ecny/protocol'
import { describe, expect, it } from 'vitest'
import { useInlineGateway } from '../../../test/e2e/support/inlineGateway.js'
import type { EcnyError } from '../../errors/EcnyError.js'
import { watchPaymentCode } from './watchPaymentCode.js'

const gateway = useInlineGateway()
const walletId = '0099000000000001'

function codeJson(n: number, lifetimeMs: number) {
  const created = Date.parse('2025-01-01T01:00:00Z') + n * 1000
  return {
    code: `01${String(n).padStart(17, '0')}`,
    walletId,
    status: 'active',
    createdAt: new Date(created).toISOString(),
    expiresAt: new Date(created + lifetimeMs).toISOString(),
  }
}

const until = async (condition: () => boolean, ms = 3_000) => {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('watchPaymentCode', () => {
  it('replaces each code before it expires (by the code’s own lifetime) until stopped', async () => {
    let n = 0
    gateway.on(`POST /v1/wallets/${walletId}/payment-codes`, () => ({ json: codeJson(++n, 60_000) }))
    const codes: PaymentCode[] = []
    const stop = watchPaymentCode(gateway.client(), {
      walletId,
      refreshBeforeMs: 59_700, // refresh 300 ms into a 60 s code
      onCode: (code) => codes.push(code),
    })
    await until(() => codes.length >= 3)
    stop()
    const seen = gateway.seen.length
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(gateway.seen.length).toBe(seen)
    expect(new Set(codes.map((code) => code.code)).size).toBe(codes.length)
  })

  it('reports a permanent failure and stops', async () => {
    gateway.on(`POST /v1/wallets/${walletId}/payment-codes`, {
      status: 409,
      json: { error: { code: 'wallet_closed', message: 'closed', retryable: false } },
    })
    const errors: EcnyError[] = []
    watchPaymentCode(gateway.client(), { walletId, onCode: () => {}, onError: (error) => errors.push(error) })
    await until(() => errors.length === 1)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(errors[0]!.code).toBe('wallet_closed')
    expect(gateway.seen).toHaveLength(1)
  })

  it('never refreshes faster than every 250 ms', async () => {
    let n = 0
    gateway.on(`POST /v1/wallets/${walletId}/payment-codes`, () => ({ json: codeJson(++n, 1_000) }))
    const stop = watchPaymentCode(gateway.client(), { walletId, onCode: () => {} })
    await new Promise((resolve) => setTimeout(resolve, 600))
    stop()
    expect(gateway.seen.length).toBeLessThanOrEqual(4)
  })

  it('stops on the caller’s signal and validates its parameters', async () => {
    gateway.on(`POST /v1/wallets/${walletId}/payment-codes`, () => ({ json: codeJson(1, 60_000) }))
    const controller = new AbortController()
    const codes: unknown[] = []
    watchPaymentCode(
      gateway.client(),
      { walletId, onCode: (code) => codes.push(code) },
      { signal: controller.signal },
    )
    await until(() => codes.length === 1)
    controller.abort()
    expect(() =>
      // @ts-expect-error: onCode is required
      watchPaymentCode(gateway.client(), { walletId }),
    ).toThrow(expect.objectContaining({ code: 'invalid_request' }))
  })
})
