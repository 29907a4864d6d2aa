/**
 * The Koa recipe of docs/notifications.md, run for real: a Koa server on 127.0.0.1 receives
 * notifications signed the way the gateway signs them (test keys), through the SDK's handler.
 */
import { createServer, type Server } from 'node:http'
import {
  createMemoryReplayStore,
  createTestNotificationKeys,
  type MerchantNotificationEvent,
  signTestNotification,
  type TestNotificationKeys,
} from '@ecny/sdk-merchant'
import { closeServer, listen } from '@ecny/test-utils'
import { bodyParser } from '@koa/bodyparser'
import Koa from 'koa'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ecnyNotifications, ecnyNotificationsAfterBodyParser } from '../ecnyNotifications.js'

const path = '/ecny/notify'
const at = '2026-12-02T10:00:00+08:00'
const paidOrder = {
  id: 'ord_koa_1',
  merchantId: 'mch_koa',
  merchantOrderNo: 'KOA-1',
  mode: 'qr',
  status: 'succeeded',
  amount: 1_250,
  paidAmount: 1_250,
  refundedAmount: 0,
  currency: 'CNY',
  description: 'Koa recipe order',
  expiresAt: at,
  paidAt: at,
  createdAt: at,
  updatedAt: at,
}

let keys: TestNotificationKeys
let server: Server | undefined

beforeAll(async () => {
  keys = await createTestNotificationKeys()
})

afterEach(async () => {
  if (server) await closeServer(server)
  server = undefined
})

/** Starts `app` on a free port of 127.0.0.1. */
async function serve(app: Koa): Promise<string> {
  server = createServer(app.callback())
  return listen(server)
}

async function post(url: string, signed: { body: string; headers: Record<string, string> }) {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: signed.headers,
    body: signed.body,
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** An app built like the recipe, recording what its handler applied. */
function recipeApp(mount: (app: Koa, handle: (event: MerchantNotificationEvent) => void) => void) {
  const applied: MerchantNotificationEvent[] = []
  const app = new Koa()
  mount(app, (event) => void applied.push(event))
  app.use((ctx) => {
    ctx.body = { parsed: (ctx.request as { body?: unknown }).body ?? null } // the rest of the app
  })
  return { app, applied }
}

describe('Koa recipe: ecnyNotifications before the body parser', () => {
  it('verifies a genuine notification from the raw body, applies it once, and acknowledges the replay', async () => {
    const { app, applied } = recipeApp((koa, handle) => {
      koa.use(
        ecnyNotifications(path, { gatewayKeys: keys.jwks, replayStore: createMemoryReplayStore(), handle }),
      )
      koa.use(bodyParser())
    })
    const url = await serve(app)
    const signed = await signTestNotification(
      { type: 'order.succeeded', data: paidOrder },
      { privateKey: keys.privateKey },
    )

    expect(await post(url, signed)).toEqual({ status: 200, body: { code: 'SUCCESS' } })
    expect(await post(url, signed)).toEqual({ status: 200, body: { code: 'SUCCESS' } })
    expect(applied.map((event) => [event.id, event.type])).toEqual([[signed.id, 'order.succeeded']])

    // The rest of the app still gets parsed JSON.
    const other = await fetch(`${url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"amount":1}',
    })
    expect(await other.json()).toEqual({ parsed: { amount: 1 } })
  })

  it('refuses a tampered body with 400 and applies nothing', async () => {
    const { app, applied } = recipeApp((koa, handle) => {
      koa.use(
        ecnyNotifications(path, { gatewayKeys: keys.jwks, replayStore: createMemoryReplayStore(), handle }),
      )
    })
    const url = await serve(app)
    const signed = await signTestNotification(
      { type: 'order.succeeded', data: paidOrder },
      { privateKey: keys.privateKey },
    )
    const tampered = { ...signed, body: signed.body.replace('"amount":1250', '"amount":9250') }
    const answer = await post(url, tampered)
    expect(answer.status).toBe(400)
    expect(applied).toEqual([])
  })

  it('mounted after the body parser (the mistake), every delivery is 400 body_already_parsed', async () => {
    const { app, applied } = recipeApp((koa, handle) => {
      koa.use(bodyParser())
      koa.use(
        ecnyNotifications(path, { gatewayKeys: keys.jwks, replayStore: createMemoryReplayStore(), handle }),
      )
    })
    const url = await serve(app)
    const signed = await signTestNotification(
      { type: 'order.succeeded', data: paidOrder },
      { privateKey: keys.privateKey },
    )
    const answer = await post(url, signed)
    expect(answer.status).toBe(400)
    expect(JSON.stringify(answer.body)).toContain('body_already_parsed')
    expect(applied).toEqual([])
  })
})

describe('Koa recipe: behind an app-wide @koa/bodyparser, on ctx.request.rawBody', () => {
  it('verifies the exact text the parser kept and applies the event once', async () => {
    const { app, applied } = recipeApp((koa, handle) => {
      koa.use(bodyParser())
      koa.use(
        ecnyNotificationsAfterBodyParser(path, {
          gatewayKeys: keys.jwks,
          replayStore: createMemoryReplayStore(),
          handle,
        }),
      )
    })
    const url = await serve(app)
    const signed = await signTestNotification(
      { type: 'order.succeeded', data: paidOrder },
      { privateKey: keys.privateKey },
    )
    expect(await post(url, signed)).toEqual({ status: 200, body: { code: 'SUCCESS' } })
    expect(await post(url, signed)).toEqual({ status: 200, body: { code: 'SUCCESS' } })
    expect(applied.map((event) => event.id)).toEqual([signed.id])
  })
})
