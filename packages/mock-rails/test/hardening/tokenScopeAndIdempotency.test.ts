/**
 * Issue 15, defect 3: token scopes are authorised before the idempotency lookup and before any await,
 * idempotency records belong to one caller, and a single-use scope (wallet_opening) is claimed once.
 */

import { httpSetup } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

type Setup = Awaited<ReturnType<typeof httpSetup>>

async function mint(t: Setup, scope: { type: string; id: string }, idempotencyKey?: string) {
  const minted = await t.client.call(
    'POST',
    '/v1/client-tokens',
    { scope },
    idempotencyKey ? { idempotencyKey } : {},
  )
  expect(minted.status).toBe(200)
  return (minted.json as { token: string }).token
}

describe('client-token scopes and idempotency', () => {
  it('one wallet_opening token opens exactly one wallet, even with 10 overlapping requests', async () => {
    const t = await httpSetup()
    const token = await mint(t, { type: 'wallet_opening', id: 'person-1' })
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.client.call(
          'POST',
          '/v1/wallets',
          { type: 'WT01', level: 'WL04', mobile: `1390000${String(i).padStart(4, '0')}` },
          { bearer: token, idempotencyKey: `open-${i}` },
        ),
      ),
    )
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1)
    for (const refused of answers.filter((answer) => answer.status !== 200)) {
      expect(refused.json).toMatchObject({ error: { code: 'permission_denied' } })
    }
  })

  it('a wallet_opening token whose opening failed may try again', async () => {
    const t = await httpSetup()
    const token = await mint(t, { type: 'wallet_opening', id: 'person-2' })
    const failed = await t.client.call(
      'POST',
      '/v1/wallets',
      { type: 'WT01', level: 'WL03', mobile: '13900000001' },
      { bearer: token },
    )
    expect(failed.status).toBe(422)
    const opened = await t.client.call(
      'POST',
      '/v1/wallets',
      { type: 'WT01', level: 'WL04', mobile: '13900000001' },
      { bearer: token },
    )
    expect(opened.status).toBe(200)
  })

  it("a wallet token replaying the server's Idempotency-Key on POST /v1/client-tokens gets no token", async () => {
    const t = await httpSetup()
    const victim = t.engine.openWallet({ level: 'WL04', mobile: '13700000000' })
    const attackerToken = await mint(t, { type: 'wallet', id: t.wallet.id })
    await mint(t, { type: 'wallet', id: victim.id }, 'server-key-1')

    const replayed = await t.client.call(
      'POST',
      '/v1/client-tokens',
      { scope: { type: 'wallet', id: victim.id } },
      { bearer: attackerToken, idempotencyKey: 'server-key-1' },
    )
    expect(replayed.status).toBe(403)
    expect(replayed.json).toMatchObject({ error: { code: 'permission_denied' } })
    expect(replayed.headers.get('idempotent-replayed')).toBeNull()
    expect(replayed.text).not.toContain('ctk_')
  })

  it('idempotency records are per token: another token with the same key is a new request', async () => {
    const t = await httpSetup()
    const first = await mint(t, { type: 'wallet', id: t.wallet.id })
    const second = await mint(t, { type: 'wallet', id: t.wallet.id })
    const path = `/v1/wallets/${t.wallet.id}/payment-codes`
    const a = await t.client.call('POST', path, {}, { bearer: first, idempotencyKey: 'code-1' })
    const b = await t.client.call('POST', path, {}, { bearer: second, idempotencyKey: 'code-1' })
    const again = await t.client.call('POST', path, {}, { bearer: first, idempotencyKey: 'code-1' })
    expect([a.status, b.status, again.status]).toEqual([200, 200, 200])
    expect(b.headers.get('idempotent-replayed')).toBeNull()
    expect(b.text).not.toBe(a.text)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.text).toBe(a.text)
  })

  it('an app and a token of that app do not share idempotency records', async () => {
    const t = await httpSetup()
    const token = await mint(t, { type: 'wallet', id: t.wallet.id })
    const path = `/v1/wallets/${t.wallet.id}/payment-codes`
    const byApp = await t.client.call('POST', path, {}, { idempotencyKey: 'shared-1' })
    const byToken = await t.client.call('POST', path, {}, { bearer: token, idempotencyKey: 'shared-1' })
    expect(byToken.headers.get('idempotent-replayed')).toBeNull()
    expect(byToken.text).not.toBe(byApp.text)
  })
})

describe('a wallet_opening token after it opened its wallet', () => {
  it('still gets its own answer replayed for a retry with the same key, and nothing else', async () => {
    const t = await httpSetup()
    const token = await mint(t, { type: 'wallet_opening', id: 'person-3' })
    const body = { type: 'WT01', level: 'WL04', mobile: '13900000003' }
    const first = await t.client.call('POST', '/v1/wallets', body, {
      bearer: token,
      idempotencyKey: 'open-once',
    })
    expect(first.status).toBe(200)
    const retry = await t.client.call('POST', '/v1/wallets', body, {
      bearer: token,
      idempotencyKey: 'open-once',
    })
    expect(retry.status).toBe(200)
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    expect(retry.text).toBe(first.text)
    const another = await t.client.call(
      'POST',
      '/v1/wallets',
      { ...body, mobile: '13900000004' },
      {
        bearer: token,
        idempotencyKey: 'open-twice',
      },
    )
    expect(another.json).toMatchObject({ error: { code: 'permission_denied' } })
    const unkeyed = await t.client.call('POST', '/v1/wallets', body, { bearer: token })
    expect(unkeyed.json).toMatchObject({ error: { code: 'permission_denied' } })
  })
})
