/**
 * A man in the middle rewrites only the HTTP status of a signed response — body and signature
 * untouched. The gateway signs the status as the `sts` claim, so the SDK never turns a committed
 * transfer's 200 into a definitive failure (which a caller would "fix" by retrying with a new key and
 * paying twice), nor an error into a success: it refuses with `signature_invalid`, and for a POST says
 * the gateway may have acted and which idempotency key settles it.
 */

import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { createClient, EcnyError } from '@ecny/sdk-core'
import { decodeJws, fundedWallet, type MitmProxy, startProxy } from '@ecny/test-utils'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

let sandbox: Sandbox
let proxy: MitmProxy
let payer: string
let payee: string

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 37, log: false })
  payer = fundedWallet(sandbox.rails, 100_000, '13900003001')
  payee = fundedWallet(sandbox.rails, 0, '13900003002')
  proxy = await startProxy(sandbox.url)
})
afterAll(async () => {
  await proxy?.close()
  await sandbox?.close()
})
beforeEach(() => {
  proxy.hooks = {}
})

const viaProxy = () => createClient({ baseUrl: proxy.url, credentials: sandbox.credentials, maxRetries: 0 })
const transfers = () => sandbox.rails.engine.listWalletTransfers(payer, { limit: 100 }).data.length
const balance = () => sandbox.rails.engine.getBalance(payer).available

async function rejection(promise: Promise<unknown>): Promise<EcnyError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error as EcnyError,
  )
}

describe('the HTTP status is signed (security: a man in the middle rewriting the status)', () => {
  it('every response signature carries the status as the sts claim', async () => {
    proxy.hooks.response = (_, response) => {
      const { claims } = decodeJws(String(response.headers['ecny-signature']))
      expect(claims.sts).toBe(response.status)
      return undefined
    }
    await viaProxy().wallets.balance({ walletId: payer })
    await rejection(viaProxy().wallets.balance({ walletId: '0000000000000000' }))
  })

  it('a committed transfer answered 200, rewritten to 400: signature_invalid with the key to settle it, and a retry with that key does not pay twice', async () => {
    proxy.hooks.response = (exchange, response) =>
      exchange.method === 'POST' && exchange.path === '/v1/transfers'
        ? { ...response, status: 400 }
        : undefined
    const before = { transfers: transfers(), balance: balance() }
    const idempotencyKey = 'idk_status_tamper_1'
    const error = await rejection(
      viaProxy().transfers.create(
        { fromWalletId: payer, toWalletId: payee, amount: 70, precheck: false },
        { idempotencyKey },
      ),
    )
    expect(error).toBeInstanceOf(EcnyError)
    expect(error.code).toBe('signature_invalid')
    expect(error.code).not.toBe('invalid_request')
    expect(error.details.idempotencyKey).toBe(idempotencyKey)
    expect(error.hint).toContain(idempotencyKey)
    expect({ transfers: transfers(), balance: balance() }).toEqual({
      transfers: before.transfers + 1,
      balance: before.balance - 70,
    })
    // The safe path the error names: the same key, without the attacker. Answered from the record.
    proxy.hooks = {}
    const settled = await viaProxy().transfers.create(
      { fromWalletId: payer, toWalletId: payee, amount: 70, precheck: false },
      { idempotencyKey },
    )
    expect(settled.status).toBe('succeeded')
    expect({ transfers: transfers(), balance: balance() }).toEqual({
      transfers: before.transfers + 1,
      balance: before.balance - 70,
    })
  })

  it('an error rewritten to 200 is not taken for a success', async () => {
    proxy.hooks.response = (_, response) =>
      response.status >= 400 ? { ...response, status: 200 } : undefined
    const error = await rejection(viaProxy().wallets.balance({ walletId: '0000000000000000' }))
    expect(error.code).toBe('signature_invalid')
  })

  it('a success rewritten to 503 is refused, not taken for a gateway error', async () => {
    proxy.hooks.response = (_, response) => ({ ...response, status: 503 })
    const error = await rejection(viaProxy().wallets.balance({ walletId: payer }))
    expect(error.code).toBe('signature_invalid')
  })
})
