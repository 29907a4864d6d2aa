/**
 * Issue 15, defect 12: the rails' clock stepping back must not reset daily usage, and a
 * forward-then-back jump must not let a replayed request signature through.
 */

import { httpSetup, signRequestHeader, testCard } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

describe('clock steps', () => {
  it('a step back of 15 s across midnight does not reset daily usage', async () => {
    const t = await httpSetup()
    t.rails.clock.set('2025-03-11T00:00:05+08:00')
    const payer = t.engine.openWallet({ level: 'WL04', mobile: '13500000000' })
    const payee = t.engine.openWallet({ level: 'WL04', mobile: '13500000001' })
    t.engine.topUp(payer.id, { amount: 1_000_000, bankCard: testCard })
    const send = (amount: number) =>
      t.client.call('POST', '/v1/transfers', { fromWalletId: payer.id, toWalletId: payee.id, amount })
    for (const amount of [200_000, 200_000, 100_000]) expect((await send(amount)).status).toBe(200)

    t.rails.clock.advance(-15_000) // 23:59:50 the day before
    const afterStepBack = await send(150_000)
    expect(afterStepBack.json).toMatchObject({ error: { code: 'limit_exceeded' } })
    t.rails.clock.advance(15_000)
    expect((await send(150_000)).json).toMatchObject({ error: { code: 'limit_exceeded' } })
    expect(t.engine.getBalance(payee.id).available).toBe(500_000)
  })

  it('usage still resets when the day moves forward', async () => {
    const t = await httpSetup()
    t.rails.clock.set('2025-03-11T23:59:00+08:00')
    const payer = t.engine.openWallet({ level: 'WL04', mobile: '13500000002' })
    const payee = t.engine.openWallet({ level: 'WL04', mobile: '13500000003' })
    t.engine.topUp(payer.id, { amount: 1_000_000, bankCard: testCard })
    const send = (amount: number) =>
      t.client.call('POST', '/v1/transfers', { fromWalletId: payer.id, toWalletId: payee.id, amount })
    for (const amount of [200_000, 200_000, 100_000]) expect((await send(amount)).status).toBe(200)
    t.rails.clock.advance(120_000)
    expect((await send(200_000)).status).toBe(200)
  })

  it('a forward-then-back jump does not let a replayed signature through', async () => {
    const t = await httpSetup()
    const path = `/v1/wallets/${t.wallet.id}/balance`
    const signature = await signRequestHeader(
      { ...t.app, now: () => t.rails.clock.now() },
      'GET',
      path,
      new Uint8Array(),
    )
    const send = () =>
      t.rails.handle(new Request(`http://rails.test${path}`, { headers: { 'ecny-signature': signature } }))
    expect((await send()).status).toBe(200)

    t.rails.clock.advance(3_600_000) // an hour forward: another request passes by
    expect((await t.client.call('GET', path)).status).toBe(200)
    t.rails.clock.advance(-3_600_000) // and back
    const replayed = await send()
    expect(replayed.status).toBe(401)
    expect(await replayed.json()).toMatchObject({ error: { code: 'request_replayed' } })
  })
})
