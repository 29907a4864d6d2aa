import { computeUsccCheckChar } from '@ecny/sdk-core/internal'
import { createSignedClient, httpSetup, testCard, verifyGatewayResponse } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

const errorOf = (json: unknown) => (json as { error: { code: string; message: string } }).error

describe('statements over HTTP (a raw response)', () => {
  it('go out as text/csv, signed over the CSV bytes and bound to the request', async () => {
    const { client, rails, merchant, wallet } = await httpSetup()
    const created = await client.call('POST', '/v1/orders', {
      merchantOrderNo: 'CSV-1',
      amount: 1_250,
      description: 'Tea',
      mode: 'qr',
    })
    rails.engine.payOrder((created.json as { id: string }).id, { walletId: wallet.id })
    const path = `/v1/statements/2025-03-10?merchantId=${merchant.id}`
    const nonce = 'n-0123456789abcdef'
    const response = await client.call('GET', path, undefined, { headers: { 'ecny-nonce': nonce } })

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="statement-2025-03-10.csv"',
    )
    expect(response.text).toBe(rails.merchantDomain.statement(merchant.id, '2025-03-10'))
    expect(response.text.split('\n')[1]).toMatch(/^order,ord_\w+,CSV-1,.*,succeeded,1250,0,/)
    const claims = await verifyGatewayResponse(
      await rails.jwks(),
      response.headers.get('ecny-signature'),
      response.bytes,
    )
    expect(claims).toMatchObject({
      rid: response.headers.get('ecny-request-id'),
      htm: 'GET',
      htu: path,
      nonce,
    })
  })

  it('answer errors as signed JSON', async () => {
    const { client, merchant } = await httpSetup()
    const response = await client.call('GET', `/v1/statements/2025-02-30?merchantId=${merchant.id}`)
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(errorOf(response.json).code).toBe('invalid_request')
  })
})

describe('PATCH /v1/merchants/{id}', () => {
  async function application() {
    const t = await httpSetup()
    const app = await t.rails.createDemoApp()
    const client = createSignedClient({
      ...app,
      send: (r) => t.rails.handle(r),
      now: () => t.rails.clock.now(),
    })
    const legalName = '杭州补丁科技有限公司'
    const uscc = `91330100MA2AB0001${computeUsccCheckChar('91330100MA2AB0001')}`
    const settlement = t.engine.openWallet({
      type: 'WT09',
      entity: { legalName, uscc },
      settlementAccount: { accountNo: '6100000000009999', accountName: legalName },
    })
    t.engine.topUp(settlement.id, { amount: 1, bankCard: testCard })
    const created = await client.call('POST', '/v1/merchants', {
      legalName,
      uscc,
      mcc: '5411',
      legalRepresentative: { name: '赵六', idType: 'IT01', idNumber: '110105200002291235' },
      contactMobile: '13800001111',
      settlementWalletId: settlement.id,
    })
    expect(created.status).toBe(200)
    return { ...t, client, id: (created.json as { id: string }).id }
  }

  it('changes a draft application; an Idempotency-Key is ignored (a PATCH repeats safely by itself)', async () => {
    const { client, id } = await application()
    const first = await client.call('PATCH', `/v1/merchants/${id}`, { mcc: '5812' }, { idempotencyKey: 'k' })
    expect(first.status).toBe(200)
    expect(first.json).toMatchObject({ id, mcc: '5812', status: 'draft' })
    const second = await client.call('PATCH', `/v1/merchants/${id}`, { mcc: '5813' }, { idempotencyKey: 'k' })
    expect(second.status).toBe(200)
    expect(second.headers.get('idempotent-replayed')).toBeNull()
    expect(second.json).toMatchObject({ mcc: '5813' })
    const invalid = await client.call('PATCH', `/v1/merchants/${id}`, { mcc: 'x' })
    expect(errorOf(invalid.json).code).toBe('invalid_request')
  })

  it('is routed like any method: PUT is not, and faults key on "PATCH /v1/merchants/{id}"', async () => {
    const { client, rails, id } = await application()
    const put = await client.call('PUT', `/v1/merchants/${id}`, { mcc: '5812' })
    expect(put.status).toBe(404)
    expect(errorOf(put.json).message).toMatch(/^PUT is not supported/)
    rails.faults.set({ routes: { 'PATCH /v1/merchants/{id}': { rate5xx: 1 } } })
    const faulted = await client.call('PATCH', `/v1/merchants/${id}`, { mcc: '5812' })
    expect(faulted.status).toBe(503)
    expect((await client.call('GET', `/v1/merchants/${id}`)).json).toMatchObject({ mcc: '5411' })
  })
})
