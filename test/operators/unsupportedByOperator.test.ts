/**
 * Under the CMB operator, everything on the merchant surface CMB does not offer — onboarding,
 * campaigns, transit batches, government bills, listing an order's refunds, and any other operation
 * of the reference table — throws `unsupported_by_operator` naming the operator and the operation,
 * and sends nothing: a loopback server standing in for CMB counts every request. (`app` orders are
 * offered: CMB §4.17, see cmbAppHandoff.e2e.test.ts.)
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cmb, cmbSupportedOperations } from '@ecny/operator-cmb'
import { type Operation, operations } from '@ecny/protocol'
import { EcnyError } from '@ecny/sdk-core'
import { fromOperation } from '@ecny/sdk-core/internal'
import { createMerchantClient, type MerchantClient } from '@ecny/sdk-merchant'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { merchantPrivateKeyHex } from '../../packages/operator-cmb/test/cmbVectors.js'
import { gatewayPublicKey } from '../../packages/operator-cmb/test/dialect/cmbTestKeys.js'

let server: Server
let requests = 0
let client: MerchantClient

beforeAll(async () => {
  server = createServer((_req, res) => {
    requests++
    res.writeHead(500).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  client = createMerchantClient({
    operator: cmb({
      appId: 'app-1',
      secret: 'secret-1',
      merId: '308999170120AAA',
      privateKey: merchantPrivateKeyHex,
      gatewayPublicKey,
      environment: `http://127.0.0.1:${port}`,
    }),
    maxRetries: 0,
  })
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** The error a call ends in, checked to be `unsupported_by_operator` for `operation`, with nothing sent. */
async function expectUnsupported(operation: string, run: () => Promise<unknown>) {
  const before = requests
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(EcnyError)
  expect(error).toMatchObject({
    code: 'unsupported_by_operator',
    retryable: false,
    details: { operator: 'cmb', operation },
  })
  expect((error as EcnyError).message).toContain(`cmb operator does not offer ${operation}`)
  expect(requests - before, `${operation} sent nothing`).toBe(0)
}

describe('unsupported_by_operator under cmb(), before anything is sent', () => {
  it('onboarding: applications, documents, merchants, scenes, terminals, QR codes', async () => {
    await expectUnsupported('getMerchant', () => client.onboarding.get({ merchantId: 'm_1' }))
    await expectUnsupported('submitMerchant', () => client.onboarding.submit({ merchantId: 'm_1' }))
  })

  it('campaigns', async () => {
    await expectUnsupported('getCampaign', () => client.campaigns.get({ campaignId: 'cmp_1' }))
    await expectUnsupported('listCampaigns', () => client.campaigns.list())
  })

  it('transit tap batches', async () => {
    await expectUnsupported('uploadTapBatch', () =>
      client.transit.uploadTaps({
        sceneId: 'scn_1',
        taps: [
          {
            walletId: '0000000000000001',
            counter: 1,
            amount: 200,
            tappedAt: '2025-01-01T08:00:00+08:00',
            gateId: 'G-1',
          },
        ],
      }),
    )
  })

  it('government bills', async () => {
    await expectUnsupported('getGovBill', () => client.gov.getBill({ billId: 'bill_1' }))
  })

  it("listing an order's refunds", async () => {
    await expectUnsupported('listRefunds', () => client.refunds.list({ orderId: 'A-1' }))
  })

  it('every other operation of the reference table CMB does not offer', async () => {
    const offered = new Set<string>(cmbSupportedOperations)
    const others = Object.values(operations as Record<string, Operation>).filter((o) => !offered.has(o.name))
    expect(others.length).toBeGreaterThan(20)
    for (const operation of others) {
      const params = Object.fromEntries(
        [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, 'x_1']),
      )
      await expectUnsupported(operation.name, () =>
        client.request({
          ...(fromOperation as (o: Operation, p: object) => ReturnType<typeof fromOperation>)(
            operation,
            params,
          ),
          ...(operation.method !== 'GET' && { body: {} }),
        } as never),
      )
    }
  })
})
