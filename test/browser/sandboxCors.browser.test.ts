/**
 * CORS in a real browser (Debian's Chromium through playwright-core): a page on its own origin calls
 * the sandbox started with `cors: [that origin]` directly — the preflight passes and the page reads the
 * answer and its `ecny-signature` header — while a sandbox not told about the origin stays unreadable.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { createClient, createClientToken } from '@ecny/sdk-core'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type ChromiumSession, launchChromium } from '../support/chromium.js'

let pageServer: Server
let pageOrigin: string
let listed: Sandbox
let unlisted: Sandbox
let browser: ChromiumSession
let page: Page

beforeAll(async () => {
  pageServer = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>shop</title>'),
  )
  await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve))
  pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`
  listed = await startSandbox({ log: false, cors: [pageOrigin] })
  unlisted = await startSandbox({ log: false })
  browser = await launchChromium()
  page = browser.page
  await page.goto(pageOrigin)
})

afterAll(async () => {
  await browser?.close()
  await listed?.close()
  await unlisted?.close()
  await new Promise((resolve) => pageServer?.close(resolve))
})

/** An order of the sandbox's merchant and a client token scoped to it (what a shop backend hands the page). */
async function orderWithToken(sandbox: Sandbox) {
  const order = sandbox.rails.engine.createOrder({
    merchantId: sandbox.merchantId,
    merchantOrderNo: `CORS-${Date.now()}`,
    amount: 990,
    description: 'Bun',
    mode: 'qr',
  })
  const server = createClient({ baseUrl: sandbox.url, credentials: sandbox.credentials })
  const { token } = await createClientToken(server, {
    scope: { type: 'order', id: order.id },
    ttlSeconds: 300,
  })
  return { order, token }
}

/** Runs a cross-origin fetch in the page: a bearer token makes the browser send a preflight first. */
function fetchFromPage(url: string, token: string) {
  return page.evaluate(
    async ({ url, token }) => {
      try {
        const response = await fetch(url, {
          headers: { authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(10_000),
        })
        const body = (await response.json()) as { status?: string }
        return {
          status: response.status,
          orderStatus: body.status,
          signature: response.headers.get('ecny-signature'),
        }
      } catch (error) {
        return { failed: String(error) }
      }
    },
    { url, token },
  )
}

it('a page on a listed origin calls the sandbox directly and reads the signed answer', async () => {
  const { order, token } = await orderWithToken(listed)
  const answer = await fetchFromPage(`${listed.url}/v1/orders/${order.id}`, token)
  expect(answer).toMatchObject({ status: 200, orderStatus: 'created' })
  expect((answer as { signature: string }).signature).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/)
})

it('a sandbox not told about the origin stays unreadable to the page', async () => {
  const { order, token } = await orderWithToken(unlisted)
  const answer = await fetchFromPage(`${unlisted.url}/v1/orders/${order.id}`, token)
  expect(answer).toMatchObject({ failed: expect.stringContaining('Failed to fetch') })
})
