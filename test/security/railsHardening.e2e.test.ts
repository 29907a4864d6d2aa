/**
 * Issue 15's attacks on the simulated gateway, end to end over the real sandbox on 127.0.0.1: hostile
 * sockets must not end the process, an app acting for one merchant must not move another merchant's
 * money (through the real SDK), an order token must not read another merchant's order through a
 * crafted QR payload, and the QR payload parser the scope check uses must be linear in time.
 */

import { connect } from 'node:net'
import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { createClient, EcnyError } from '@ecny/sdk-core'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { qrPayloadOrderId } from '../../packages/mock-rails/src/orders/qrPayloadOrderId.js'

const card = '6222020000000007'
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 15, log: false })
})
afterAll(() => sandbox.close())

function rawSend(text: string, destroyAfterWrite = false): Promise<string> {
  const { port } = new URL(sandbox.url)
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1')
    let received = ''
    socket.setEncoding('utf8')
    socket.setTimeout(5_000, () => socket.destroy())
    socket.on('data', (chunk: string) => {
      received += chunk
    })
    socket.on('error', () => resolve(received))
    socket.on('close', () => resolve(received))
    socket.write(text, () => {
      if (destroyAfterWrite) socket.destroy()
    })
  })
}

/** A paid QR order of a fresh merchant, and an SDK client of an app registered only for another one. */
async function twoMerchants() {
  const { engine } = sandbox.rails
  const merchantA = sandbox.rails.seedMerchant({ legalName: '甲方商户有限公司' })
  const merchantB = sandbox.rails.seedMerchant({ legalName: '乙方商户有限公司' })
  const payer = engine.openWallet({
    level: 'WL04',
    mobile: `1390000${String(Math.floor(Math.random() * 9000) + 1000)}`,
  })
  engine.topUp(payer.id, { amount: 100_000, bankCard: card })
  const order = engine.createOrder({
    merchantId: merchantA.id,
    merchantOrderNo: `A-${merchantA.id}`,
    amount: 30_000,
    description: 'Goods',
    mode: 'qr',
  } as never)
  engine.payOrder(order.id, { walletId: payer.id })
  const appB = await sandbox.rails.createDemoApp({
    appId: `app_b_${merchantB.id}`,
    merchantIds: [merchantB.id],
  })
  const clientB = createClient({ baseUrl: sandbox.url, credentials: appB, maxRetries: 0 })
  return { merchantA, merchantB, payer, order, appB, clientB }
}

describe('the sandbox process survives hostile sockets', () => {
  it('TRACE, a mid-body disconnect and a bad Host header, then the SDK still works', async () => {
    const rejections: unknown[] = []
    const spy = (reason: unknown) => rejections.push(reason)
    process.on('unhandledRejection', spy)
    try {
      expect(await rawSend('TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')).toMatch(
        /^HTTP\/1\.1 404 /,
      )
      await rawSend('POST /v1/transfers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 500\r\n\r\n{"a', true)
      expect(await rawSend('GET /v1/orders HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n')).toMatch(
        /^HTTP\/1\.1 \d{3} /,
      )
      await new Promise((resolve) => setTimeout(resolve, 100))
    } finally {
      process.off('unhandledRejection', spy)
    }
    expect(rejections).toEqual([])
    const client = createClient({ baseUrl: sandbox.url, credentials: sandbox.credentials })
    await expect(
      client.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13912340000' }),
    ).resolves.toMatchObject({
      level: 'WL04',
    })
  })
})

describe('merchant isolation through the real SDK', () => {
  it("an app for merchant B cannot transfer out of merchant A's settlement wallet", async () => {
    const { merchantA, payer, clientB } = await twoMerchants()
    const settlement = merchantA.settlementWalletId!
    const before = sandbox.rails.engine.getBalance(settlement).available
    const error = await clientB.transfers
      .create({ fromWalletId: settlement, toWalletId: payer.id, amount: 10_000, precheck: false })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(EcnyError)
    expect((error as EcnyError).code).toBe('permission_denied')
    expect(sandbox.rails.engine.getBalance(settlement).available).toBe(before)
    expect(sandbox.rails.ledger.verify().ok).toBe(true)
  })

  it("an order token of merchant B cannot read merchant A's order by smuggling &o=<its id>", async () => {
    const { order, clientB, merchantB } = await twoMerchants()
    const ownOrder = sandbox.rails.engine.createOrder({
      merchantId: merchantB.id,
      merchantOrderNo: `B-${merchantB.id}`,
      amount: 100,
      description: 'Tea',
      mode: 'qr',
    } as never)
    const token = await clientB.clientTokens.create({ scope: { type: 'order', id: ownOrder.id } })
    const answer = await fetch(`${sandbox.url}/v1/qr/resolve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ payload: `${order.qrPayload}&o=${ownOrder.id}` }),
    })
    expect(answer.status).toBe(403)
    expect(await answer.text()).not.toContain(order.id)
  })
})

describe('the QR payload parser behind the scope check', () => {
  it('reads the same order id as a reference parser, for any input', () => {
    const reference = (payload: string) => {
      const prefix = ['ecny://pay?o='].find((p) => payload.startsWith(p))
      if (!prefix) return undefined
      let end = prefix.length
      while (end < payload.length && /[0-9a-z_]/.test(payload[end]!)) end++
      const id = payload.slice(prefix.length, end)
      const match = /^ord_[0-9a-z]+/.exec(id)
      return match ? match[0] : undefined
    }
    const pieces = fc.constantFrom(
      'ecny://',
      'pay',
      'app-',
      '?o=',
      '&o=',
      'ord_',
      'a',
      '9',
      '.*',
      '(a+)+b',
      '_',
      '%',
    )
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join('')),
        (payload) => {
          expect(qrPayloadOrderId(payload)).toBe(reference(payload))
        },
      ),
      { numRuns: 2_000 },
    )
  })

  it('is linear: 4× the input costs well under 8× the CPU time (never exponential backtracking)', () => {
    const cpuMs = () => {
      const { user, system } = process.cpuUsage()
      return (user + system) / 1000
    }
    const perCall = (payload: string) => {
      let calls = 0
      const started = cpuMs()
      do {
        qrPayloadOrderId(payload)
        calls++
      } while (cpuMs() - started < 20)
      return (cpuMs() - started) / calls
    }
    const make = (n: number) => `ecny://pay?o=ord_${'a'.repeat(n)}!${'(a+)+b'.repeat(n / 8)}`
    let best = Number.POSITIVE_INFINITY
    for (let trial = 0; trial < 5; trial++)
      best = Math.min(best, perCall(make(40_000)) / perCall(make(10_000)))
    expect(best).toBeLessThan(8)
  })
})
