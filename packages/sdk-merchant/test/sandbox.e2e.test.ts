import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMerchantClient,
  type MerchantClient,
  reconcileToReport,
  type StatementRow,
} from '../src/index.js'

let sandbox: Sandbox
let client: MerchantClient
let proxy: Server
let proxyUrl: string
let payer: string

/** Shanghai calendar date of now. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

/** A proxy that alters statement bodies in transit (one amount digit), passing everything else through. */
function startTamperingProxy(target: string): Promise<string> {
  proxy = createServer((req, res) => {
    const upstream = httpRequest(
      `${target}${req.url}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        const chunks: Buffer[] = []
        answer.on('data', (chunk: Buffer) => chunks.push(chunk))
        answer.on('end', () => {
          let body = Buffer.concat(chunks)
          if (req.url?.startsWith('/v1/statements/'))
            body = Buffer.from(body.toString('utf8').replace(',1250,', ',9250,'))
          const { 'transfer-encoding': _chunked, ...rest } = answer.headers
          const headers = { ...rest, 'content-length': String(body.length) }
          res.writeHead(answer.statusCode ?? 502, headers).end(body)
        })
      },
    )
    req.pipe(upstream)
  })
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`)),
  )
}

async function collect(rows: AsyncIterable<StatementRow>): Promise<StatementRow[]> {
  const out: StatementRow[] = []
  for await (const row of rows) out.push(row)
  return out
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, log: false })
  client = createMerchantClient({
    baseUrl: sandbox.url,
    credentials: sandbox.credentials,
    merchantId: sandbox.merchantId,
  })
  proxyUrl = await startTamperingProxy(sandbox.url)
  payer = sandbox.rails.engine.openWallet({ level: 'WL04', mobile: '13900003333' }).id
  sandbox.rails.engine.topUp(payer, { amount: 50_000, bankCard: '6222020000000007' })
})

afterAll(async () => {
  await new Promise<void>((resolve) => proxy.close(() => resolve()))
  await sandbox.close()
})

describe('over real HTTP (sandbox on 127.0.0.1)', () => {
  it('takes a payment, refunds part of it, and downloads the verified statement', async () => {
    const order = await client.orders.create({
      mode: 'qr',
      merchantOrderNo: 'SB-1',
      amount: 1_250,
      description: 'Latte',
    })
    sandbox.rails.engine.payOrder(order.id, { walletId: payer })
    expect((await client.orders.waitForFinal({ orderId: order.id, pollIntervalMs: 1 })).status).toBe(
      'succeeded',
    )
    await client.refunds.create({ orderId: order.id, merchantRefundNo: 'SB-1-R1', amount: 250 })
    const unpaid = await client.orders.create({
      mode: 'qr',
      merchantOrderNo: 'SB-2',
      amount: 99,
      description: 'Tea',
    })
    await client.orders.close({ orderId: unpaid.id })

    const rows = await collect(client.statements.download(today()))
    expect(rows.map((row) => [row.recordType, row.status, row.amount])).toEqual([
      ['order', 'partially_refunded', 1_250],
      ['refund', 'succeeded', 250],
      ['order', 'closed', 99],
    ])
    expect(rows[1]).toMatchObject({ recordType: 'refund', merchantRefundNo: 'SB-1-R1', orderId: order.id })

    // The statement feeds reconciliation directly.
    const report = await reconcileToReport(client.statements.download(today()), [
      { recordType: 'order', merchantOrderNo: 'SB-1', amount: 1_250, status: 'succeeded' },
      { recordType: 'refund', merchantRefundNo: 'SB-1-R1', amount: 250, status: 'succeeded' },
    ])
    expect(report.summary.inputRows).toEqual({ statement: 3, merchant: 2 })
    expect(report.summary.totals.matched.count).toBe(2)
  })

  it('keeps the verified file when asked to', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ecny-test-'))
    try {
      const file = join(dir, 'statement.csv')
      const rows = await collect(client.statements.download({ date: today(), saveTo: file }))
      expect(rows.length).toBeGreaterThan(0)
      expect((await readFile(file, 'utf8')).split('\n')[0]).toBe(
        'recordType,id,merchantOrderNo,orderId,mode,status,amount,refundedAmount,payerWalletId,occurredAt',
      )
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('rejects a statement altered in transit and yields no row of it', async () => {
    const viaProxy = createMerchantClient({
      baseUrl: proxyUrl,
      credentials: sandbox.credentials,
      merchantId: sandbox.merchantId,
    })
    const dir = await mkdtemp(join(tmpdir(), 'ecny-test-'))
    try {
      const file = join(dir, 'statement.csv')
      const seen: StatementRow[] = []
      const error = await (async () => {
        for await (const row of viaProxy.statements.download({ date: today(), saveTo: file })) seen.push(row)
      })().catch((e: unknown) => e)
      expect(error).toMatchObject({
        code: 'signature_invalid',
        message: expect.stringMatching(/digest mismatch/),
      })
      expect(seen).toEqual([])
      expect(existsSync(file)).toBe(false)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('refuses a statement for another merchant and a bad date', async () => {
    await expect(collect(client.statements.download('2025-02-30'))).rejects.toMatchObject({
      code: 'invalid_request',
    })
    const other = sandbox.rails.seedMerchant().id
    await expect(
      collect(client.statements.download({ date: today(), merchantId: other })),
    ).rejects.toMatchObject({ code: 'permission_denied' })
  })

  it('onboards a merchant over HTTP: the app may act for the application it started', async () => {
    const name = '上海示例有限公司'
    const uscc =
      '91310000MA1FL0000' + (await import('@ecny/sdk-core')).computeUsccCheckChar('91310000MA1FL0000')
    const wallet = sandbox.rails.engine.openWallet({
      type: 'WT09',
      entity: { legalName: name, uscc },
      settlementAccount: { accountNo: '6100000000007777', accountName: name },
    }).id
    const draft = await client.onboarding.createApplication({
      legalName: name,
      uscc,
      mcc: '5411',
      contactMobile: '13912345678',
      settlementWalletId: wallet,
      legalRepresentative: { name: '王五', idType: 'IT01', idNumber: '110105200002291235' },
    })
    for (const type of ['business_licence', 'legal_rep_id', 'account_proof'] as const) {
      await client.onboarding.uploadDocument({
        merchantId: draft.id,
        type,
        contentType: 'application/pdf',
        content: new TextEncoder().encode(type),
      })
    }
    expect((await client.onboarding.submit({ merchantId: draft.id })).status).toBe('approved')
    const order = await client.orders.create({
      merchantId: draft.id,
      mode: 'qr',
      merchantOrderNo: 'NEW-1',
      amount: 10,
      description: 'Gum',
    })
    expect(order.merchantId).toBe(draft.id)
  })
})
