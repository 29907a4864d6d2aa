/**
 * Issue 15, defect 2: the order-token check on `POST /v1/qr/resolve` must read the payload the way the
 * engine does and compare ids; it must never build a regular expression from a token's id.
 */

import { httpSetup } from '@ecny/test-utils'
import { afterEach, describe, expect, it } from 'vitest'

type Setup = Awaited<ReturnType<typeof httpSetup>>

async function mint(t: Setup, scope: { type: string; id: string }): Promise<string> {
  const minted = await t.client.call('POST', '/v1/client-tokens', { scope })
  expect(minted.status).toBe(200)
  return (minted.json as { token: string }).token
}

function qrOrder(t: Setup, merchantId: string, merchantOrderNo: string) {
  return t.engine.createOrder({
    merchantId,
    merchantOrderNo,
    amount: 100,
    description: 'Tea',
    mode: 'qr',
  } as never)
}

const resolve = (t: Setup, token: string, payload: string) =>
  t.client.call('POST', '/v1/qr/resolve', { payload }, { bearer: token })

const realRegExp = globalThis.RegExp
afterEach(() => {
  globalThis.RegExp = realRegExp
})

/** Records the source of every RegExp built with `new RegExp(…)` / `RegExp(…)` while it is installed. */
function watchRegExpConstruction(): string[] {
  const sources: string[] = []
  globalThis.RegExp = new Proxy(realRegExp, {
    construct(target, args: [string | RegExp, string?]) {
      sources.push(String(args[0]))
      return Reflect.construct(target, args)
    },
    apply(target, _this, args: [string | RegExp, string?]) {
      sources.push(String(args[0]))
      return Reflect.apply(target, undefined, args)
    },
  })
  return sources
}

describe('qr/resolve with an order-scoped or wallet_opening token', () => {
  it('an order token cannot read another merchant’s order by appending &o=<its own id>', async () => {
    const t = await httpSetup()
    const other = t.rails.seedMerchant({ legalName: '另一家商户有限公司' })
    const mine = qrOrder(t, t.merchant.id, 'MINE-1')
    const theirs = qrOrder(t, other.id, 'THEIRS-1')
    const token = await mint(t, { type: 'order', id: mine.id })

    const own = await resolve(t, token, mine.qrPayload!)
    expect(own.json).toMatchObject({ orderId: mine.id })

    const smuggled = await resolve(t, token, `${theirs.qrPayload}&o=${mine.id}`)
    expect(smuggled.status).toBe(403)
    expect(smuggled.json).toMatchObject({ error: { code: 'permission_denied' } })
    expect(smuggled.text).not.toContain(theirs.id)
  })

  it('a wallet_opening token whose id is ".*" resolves nothing', async () => {
    const t = await httpSetup()
    const order = qrOrder(t, t.merchant.id, 'ANY-1')
    const token = await mint(t, { type: 'wallet_opening', id: '.*' })
    const answer = await resolve(t, token, order.qrPayload!)
    expect(answer.status).toBe(403)
    expect(answer.json).toMatchObject({ error: { code: 'permission_denied' } })
  })

  it('a token id such as "(a+)+b" is never compiled into a RegExp (no catastrophic backtracking)', async () => {
    const t = await httpSetup()
    const token = await mint(t, { type: 'wallet_opening', id: '(a+)+b' })
    const sources = watchRegExpConstruction()
    const answer = await resolve(t, token, `ecny://pay?o=${'a'.repeat(22)}c`)
    globalThis.RegExp = realRegExp
    expect(answer.json).toMatchObject({ error: { code: 'permission_denied' } })
    expect(sources.filter((source) => source.includes('(a+)+b'))).toEqual([])
  })
})
