// @vitest-environment jsdom

import { dirname, resolve } from 'node:path'
import { createRails, type Rails, railsHandlers } from '@ecny/mock-rails'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// jsdom gives the test a Uint8Array from its own realm while TextEncoder, Buffer and WebCrypto
// make Node's, so `bytes instanceof Uint8Array` fails (in jose, esbuild…). A real browser has one
// realm; put Node's typed arrays back before anything loads.
vi.hoisted(() => {
  const NodeUint8Array = Object.getPrototypeOf(Buffer.prototype).constructor as Uint8ArrayConstructor
  globalThis.Uint8Array = NodeUint8Array
  globalThis.ArrayBuffer = new NodeUint8Array(0).buffer.constructor as ArrayBufferConstructor
})

// The rails stand in for the gateway: they are Node code and load with the real built-ins (above).
// The SDK is then loaded afresh with Node's crypto replaced by a module that throws on import, so
// any path from `@ecny/sdk-core` to it fails this file.
let sdk: typeof import('../../src/index.js')
async function loadSdkWithoutNodeBuiltins() {
  vi.resetModules()
  vi.doMock('node:crypto', () => {
    throw new Error('node built-in reached: node:crypto')
  })
  vi.doMock('crypto', () => {
    throw new Error('node built-in reached: crypto')
  })
  sdk = await import('../../src/index.js')
}

const baseUrl = 'https://rails.test'
const server = setupServer()
let rails: Rails
let walletId: string
let otherWalletId: string
let credentials: { appId: string; privateKey: JsonWebKey }

beforeAll(async () => {
  await loadSdkWithoutNodeBuiltins()
  rails = createRails({ seed: 3 })
  server.use(...railsHandlers(rails, { baseUrl }))
  server.listen({ onUnhandledRequest: 'error' })
  const app = await rails.createDemoApp()
  credentials = { appId: app.appId, privateKey: app.privateKey as JsonWebKey }
  walletId = rails.engine.openWallet({ type: 'WT01', level: 'WL04', mobile: '13700001111' }).id
  otherWalletId = rails.engine.openWallet({ type: 'WT01', level: 'WL04', mobile: '13700002222' }).id
  rails.engine.topUp(walletId, { amount: 8_800, bankCard: '6222020000000007' })
})
afterAll(() => server.close())

/** Mints a token as the wallet's backend would (server credentials; allowed here only to stand in for it). */
async function mintToken(id: string) {
  const backend = sdk.createClient({ baseUrl, credentials, dangerouslyAllowBrowser: true })
  return sdk.createClientToken(backend, { scope: { type: 'wallet', id }, ttlSeconds: 300 })
}

describe('in a browser, with a client token', () => {
  it('runs in a DOM environment', () => {
    expect(typeof window).toBe('object')
    expect(typeof document).toBe('object')
  })

  it('refuses server credentials without the explicit override', () => {
    expect(() => sdk.createClient({ baseUrl, credentials })).toThrow(
      expect.objectContaining({ code: 'insecure_environment' }),
    )
  })

  it('reads the balance and creates a payment code with a wallet-scoped token', async () => {
    const minted = await mintToken(walletId)
    expect(minted.scope).toMatchObject({ type: 'wallet', id: walletId })
    const client = sdk.createClient({ baseUrl, clientToken: minted.token })
    expect(client.authKind).toBe('token')
    expect(await client.wallets.balance({ walletId })).toMatchObject({ available: 8_800 })
    expect(await sdk.getBalance(client, { walletId })).toMatchObject({ available: 8_800 })
    const code = await client.payments.createPaymentCode({ walletId })
    expect(code.code).toMatch(/^[0-9]{19}$/)
    expect(Date.parse(code.expiresAt)).toBeGreaterThan(Date.parse(code.createdAt))
  })

  it('pays a scanned QR order (pre-checked with the amount shown) and cannot touch another wallet', async () => {
    const client = sdk.createClient({ baseUrl, clientToken: async () => (await mintToken(walletId)).token })
    const merchant = rails.seedMerchant()
    const order = rails.engine.createOrder({
      merchantId: merchant.id,
      merchantOrderNo: 'WEB-1',
      amount: 800,
      description: 'Tea',
      mode: 'qr',
    })
    const qr = await client.payments.resolveQr({ payload: order.qrPayload! })
    const paid = await client.payments.pay({ orderId: qr.orderId, walletId, amount: qr.amount })
    expect(paid.status).toBe('succeeded')
    expect(rails.engine.getBalance(walletId).available).toBe(8_000)
    await expect(client.wallets.balance({ walletId: otherWalletId })).rejects.toMatchObject({
      code: 'permission_denied',
    })
  })
})

describe('the browser bundle', () => {
  it('bundles @ecny/sdk-core for the browser with no Node built-in in its import graph', async () => {
    const { build } = await import('esbuild')
    // (jsdom's location makes import.meta.url an http URL here; its path is still this file's.)
    const entry = resolve(dirname(new URL(import.meta.url).pathname), '../../src/index.ts')
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
    expect(result.errors).toEqual([])
    const inputs = Object.entries(result.metafile.inputs)
    expect(inputs.length).toBeGreaterThan(10)
    expect(inputs.map(([path]) => path).filter((path) => path.startsWith('node:'))).toEqual([])
    const imports = inputs.flatMap(([, input]) => input.imports.map((imported) => imported.path))
    expect(
      imports.filter((path) => path.startsWith('node:') || ['crypto', 'fs', 'http', 'https'].includes(path)),
    ).toEqual([])
    // The wallet actions are in the graph (this is the browser path, not an empty stub).
    expect(inputs.some(([path]) => path.endsWith('actions/payments/createPaymentCode.ts'))).toBe(true)
  })
})
