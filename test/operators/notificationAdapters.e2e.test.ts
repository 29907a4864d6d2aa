/**
 * The notification adapters (node:http, Fetch, Express; standalone and client-bound) with the same
 * options and the same test bodies on both dialects, against a sandbox each: the reference protocol
 * (JSON + `Ecny-Signature`) and CMB 聚合收单 (a form-encoded body, verified with the gateway SM2 key
 * over its URL-decoded sorted values, answered with the signed SUCCESS ack). A genuine notification
 * is handled once and acknowledged so the gateway's outbox stops; a tampered field, a reordered form,
 * the wrong gateway key and a replay are each refused, and nothing in them reaches `handle`.
 */
import { generateKeyPairSync } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { generateCmbGatewayKeys, type Sandbox, startSandbox } from '@ecny/mock-rails'
import {
  cmb,
  cmbSignString,
  readFormFields,
  readReceivedFields,
  signCmbFields,
  sm2PublicKeyFromPrivateKey,
  sm2Sign,
  sm2Verify,
  writeFormFields,
} from '@ecny/operator-cmb'
import type { Order } from '@ecny/protocol'
import { EcnyError } from '@ecny/sdk-core'
import {
  createExpressNotificationVerifier,
  createFetchNotificationHandler,
  createFetchNotificationVerifier,
  createMemoryReplayStore,
  createMerchantClient,
  createNodeNotificationHandler,
  createNodeNotificationVerifier,
  type MerchantClient,
  type MerchantNotificationEvent,
  type VerifyNotificationOptions,
} from '@ecny/sdk-merchant'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

type Dialect = 'reference' | 'cmb'
/** One delivery as the merchant's server received it. */
type Delivery = { body: string; headers: Record<string, string> }

type World = {
  sandbox: Sandbox
  client: MerchantClient
  /** The adapters' options for this dialect: the gateway's keys, or the operator. */
  options: VerifyNotificationOptions
  /** The same, with a gateway key that is not the gateway's. */
  wrongKeyOptions: VerifyNotificationOptions
  railsOrderId(order: Order): string
  /** Delivery attempts of this order's payment notification at the gateway, and whether it stopped. */
  outbox(merchantOrderNo: string): { attempts: number; delivered: boolean }
  /** A genuine delivery with one field's value changed. */
  tamper(delivery: Delivery): Delivery
  /**
   * A delivery whose fields were signed in another order than the dialect's (reference: the JSON
   * re-serialised with its keys reordered; CMB: signed in sent order, not sorted), with the options
   * whose key signed it, and the same fields signed the dialect's way (accepted by those options).
   */
  reorder(delivery: Delivery): { forged: Delivery; genuine: Delivery; options: VerifyNotificationOptions }
  /** Whether an answer is the dialect's success acknowledgement (CMB: signed with the merchant key). */
  isAck(answer: { status: number; body: string }): boolean
}

async function referenceWorld(sandbox: Sandbox): Promise<World> {
  const gatewayKeys = `${sandbox.url}/.well-known/jwks.json`
  const jwks = (await (await fetch(gatewayKeys)).json()) as { keys: Array<Record<string, string>> }
  const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' })
  const wrongKeys = { keys: jwks.keys.map((key) => ({ ...key, x: other.x!, y: other.y! })) }
  return {
    sandbox,
    client: createMerchantClient({
      baseUrl: sandbox.url,
      credentials: sandbox.credentials,
      merchantId: sandbox.merchantId,
    }),
    options: { gatewayKeys },
    wrongKeyOptions: { gatewayKeys: wrongKeys as never },
    railsOrderId: (order) => order.id,
    outbox: (number) => {
      const records = sandbox.rails.notifications
        .list()
        .filter((r) => r.type === 'order.succeeded' && (r.data as Order).merchantOrderNo === number)
      return {
        attempts: records.flatMap((r) => r.attempts).length,
        delivered: records.length > 0 && records.every((r) => r.status === 'delivered'),
      }
    },
    tamper: (delivery) => ({ ...delivery, body: delivery.body.replace(/"amount":(\d+)/, '"amount":1') }),
    reorder: (delivery) => {
      const json = JSON.parse(delivery.body) as Record<string, unknown>
      const reordered = JSON.stringify(Object.fromEntries(Object.entries(json).reverse()))
      return { forged: { ...delivery, body: reordered }, genuine: delivery, options: { gatewayKeys } }
    },
    isAck: (answer) => answer.status === 200 && JSON.parse(answer.body).code === 'SUCCESS',
  }
}

function cmbWorld(sandbox: Sandbox): World {
  const credentials = sandbox.cmb!
  const operator = cmb({ ...credentials, environment: sandbox.url })
  const merchantPublicKey = sm2PublicKeyFromPrivateKey(credentials.privateKey)
  const wrongGateway = cmb({
    ...credentials,
    gatewayPublicKey: generateCmbGatewayKeys().publicKey,
    environment: sandbox.url,
  })
  const known = generateCmbGatewayKeys()
  const knownGateway = cmb({ ...credentials, gatewayPublicKey: known.publicKey, environment: sandbox.url })
  const form = { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }
  return {
    sandbox,
    client: createMerchantClient({ operator }),
    options: { operator },
    wrongKeyOptions: { operator: wrongGateway },
    railsOrderId: (order) => String((order as { cmbOrderId?: string }).cmbOrderId),
    outbox: (number) => {
      const records = credentials.door.notifications.list().filter((r) => {
        const fields = new URLSearchParams(r.body)
        return fields.get('orderId') === number && !fields.has('origOrderId')
      })
      return {
        attempts: records.flatMap((r) => r.attempts).length,
        delivered: records.length > 0 && records.every((r) => r.status === 'delivered'),
      }
    },
    tamper: (delivery) => {
      const fields = readFormFields(delivery.body)
      return { ...delivery, body: writeFormFields({ ...fields, txnAmt: '1' }) }
    },
    reorder: (delivery) => {
      const { sign: _sign, ...fields } = readFormFields(delivery.body)
      const sent = Object.entries(fields).reverse()
      const asSent = sent.map(([k, v]) => `${k}=${v}`).join('&')
      expect(asSent).not.toBe(cmbSignString(fields))
      const forged = writeFormFields({
        ...Object.fromEntries(sent),
        sign: sm2Sign(asSent, known.privateKey),
      })
      const { version: _v, encoding: _e, signMethod: _m, ...values } = fields
      const genuine = writeFormFields(signCmbFields(values, known.privateKey))
      return {
        forged: { body: forged, headers: form },
        genuine: { body: genuine, headers: form },
        options: { operator: knownGateway },
      }
    },
    isAck: (answer) => {
      if (answer.status !== 200) return false
      const fields = readReceivedFields(answer.body)
      return (
        fields.returnCode === 'SUCCESS' &&
        fields.respCode === 'SUCCESS' &&
        sm2Verify(cmbSignString(fields), fields.sign!, merchantPublicKey)
      )
    },
  }
}

/** A merchant's node:http server: `receive` answers, and every delivery's raw body is kept. */
async function startShop(receive: (req: never, res: never) => Promise<unknown>) {
  const deliveries: Delivery[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    const hop = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'])
    const headers = Object.fromEntries(
      Object.entries(req.headers)
        .filter(([k]) => !hop.has(k))
        .map(([k, v]) => [k, String(v)]),
    )
    // Keep a copy of the raw body, then hand the request (still unread) to the SDK's handler.
    const tee = Object.assign(
      (async function* () {
        for await (const chunk of req) {
          chunks.push(chunk as Buffer)
          yield chunk as Buffer
        }
        deliveries.push({ body: Buffer.concat(chunks).toString('utf8'), headers })
      })(),
      { headers: req.headers },
    )
    void receive(tee as never, res as never)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/notify`,
    deliveries,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
  expect(check(), what).toBe(true)
}
const codeOf = async (run: () => Promise<unknown>) => {
  try {
    await run()
    return 'accepted'
  } catch (error) {
    if (error instanceof EcnyError) return error.code
    throw error
  }
}
const asRequest = (url: string, delivery: Delivery) =>
  new Request(url, { method: 'POST', headers: delivery.headers, body: delivery.body })
/** A Node request as the adapters read it (an async iterable of chunks with headers). */
const asNodeRequest = (delivery: Delivery) =>
  Object.assign(
    (async function* () {
      yield Buffer.from(delivery.body)
    })(),
    { headers: delivery.headers },
  )
/** An Express request after `express.raw()`: `body` is the raw Buffer. */
const asExpressRequest = (delivery: Delivery) => ({
  headers: delivery.headers,
  body: Buffer.from(delivery.body),
  readableEnded: true,
  [Symbol.asyncIterator]: async function* () {},
})

describe.each(['reference', 'cmb'] as const)('notification adapters, %s dialect', (dialect: Dialect) => {
  let w: World
  let walletId: string
  let shop: Awaited<ReturnType<typeof startShop>>
  const handled: MerchantNotificationEvent[] = []
  let genuine: Delivery
  let orderCount = 0

  /** Creates a QR order to the shop's notify URL and pays it on the wallet side. */
  const payOrder = async (notifyUrl: string) => {
    const merchantOrderNo = `${dialect}-N-${++orderCount}`
    const order = await w.client.orders.create({
      mode: 'qr',
      merchantOrderNo,
      amount: 1_250,
      description: 'Latte',
      notifyUrl,
    })
    w.sandbox.rails.engine.payOrder(w.railsOrderId(order), { walletId })
    return merchantOrderNo
  }

  beforeAll(async () => {
    const sandbox = await startSandbox({
      seed: 21,
      log: false,
      notificationIntervalMs: 20,
      ...(dialect === 'cmb' && { dialect }),
    })
    w = dialect === 'cmb' ? cmbWorld(sandbox) : await referenceWorld(sandbox)
    walletId = sandbox.rails.engine.openWallet({ level: 'WL04', mobile: '13800138000' }).id
    sandbox.rails.engine.topUp(walletId, { amount: 500_000, bankCard: '6222020200000000014' })
    shop = await startShop(
      createNodeNotificationHandler({
        ...w.options,
        replayStore: createMemoryReplayStore(),
        handle: (event) => {
          handled.push(event)
        },
      }) as never,
    )
  })
  afterAll(async () => {
    await shop.close()
    await w.sandbox.close()
  })

  it('node:http handler: a genuine notification is handled once and acked, so the gateway stops', async () => {
    const merchantOrderNo = await payOrder(shop.url)
    await until(() => w.outbox(merchantOrderNo).delivered, 'the gateway recorded the notification as acked')
    await new Promise((r) => setTimeout(r, 100))
    expect(w.outbox(merchantOrderNo)).toEqual({ attempts: 1, delivered: true })
    expect(handled.map((event) => [event.type, (event.data as Order).merchantOrderNo])).toEqual([
      ['order.succeeded', merchantOrderNo],
    ])
    expect(handled[0]?.data).toMatchObject({ status: 'succeeded', amount: 1_250 })
    genuine = shop.deliveries.at(-1)!
  })

  it('node:http handler: a replay is acked without handling it again; tampered, reordered and wrongly keyed bodies are refused', async () => {
    const post = async (delivery: Delivery, url = shop.url) => {
      const response = await fetch(url, { method: 'POST', headers: delivery.headers, body: delivery.body })
      return { status: response.status, body: await response.text() }
    }
    const replay = await post(genuine)
    expect(w.isAck(replay)).toBe(true)
    expect(handled).toHaveLength(1)

    expect((await post(w.tamper(genuine))).status).toBe(400)
    const { forged, genuine: control, options } = w.reorder(genuine)
    const keyedShop = await startShop(
      createNodeNotificationHandler({ ...options, replayStore: false, handle: () => {} }) as never,
    )
    const wrongShop = await startShop(
      createNodeNotificationHandler({ ...w.wrongKeyOptions, replayStore: false, handle: () => {} }) as never,
    )
    try {
      expect((await post(forged, keyedShop.url)).status).toBe(400)
      expect(w.isAck(await post(control, keyedShop.url))).toBe(true)
      expect((await post(genuine, wrongShop.url)).status).toBe(400)
    } finally {
      await keyedShop.close()
      await wrongShop.close()
    }
    expect(handled).toHaveLength(1)
  })

  it('Fetch handler: handles a genuine notification once with the dialect ack; refuses the forgeries', async () => {
    const seen: string[] = []
    const receive = createFetchNotificationHandler({
      ...w.options,
      replayStore: createMemoryReplayStore(),
      handle: (event) => {
        seen.push(event.id)
      },
    })
    const answer = async (delivery: Delivery, handler = receive) => {
      const response = await handler(asRequest(shop.url, delivery))
      return { status: response.status, body: await response.text() }
    }
    expect(w.isAck(await answer(genuine))).toBe(true)
    expect(w.isAck(await answer(genuine))).toBe(true) // the replay: acknowledged, not handled
    expect(seen).toHaveLength(1)
    expect((await answer(w.tamper(genuine))).status).toBe(400)
    const { forged, options } = w.reorder(genuine)
    const keyed = createFetchNotificationHandler({ ...options, replayStore: false, handle: () => {} })
    expect((await answer(forged, keyed)).status).toBe(400)
    const wrong = createFetchNotificationHandler({
      ...w.wrongKeyOptions,
      replayStore: false,
      handle: () => {},
    })
    expect((await answer(genuine, wrong)).status).toBe(400)
    expect(seen).toHaveLength(1)
  })

  it.each([
    ['node:http', (o: VerifyNotificationOptions) => createNodeNotificationVerifier(o), asNodeRequest],
    [
      'Fetch',
      (o: VerifyNotificationOptions) => createFetchNotificationVerifier(o),
      (d: Delivery) => asRequest('http://127.0.0.1/notify', d),
    ],
    ['Express', (o: VerifyNotificationOptions) => createExpressNotificationVerifier(o), asExpressRequest],
  ] as const)(
    '%s verifier: accepts a genuine notification once; a replay, tampered, reordered or wrongly keyed one is refused',
    async (_name, make, toRequest) => {
      const verify = make({ ...w.options, replayStore: createMemoryReplayStore() }) as (
        r: unknown,
      ) => Promise<MerchantNotificationEvent>
      const event = await verify(toRequest(genuine))
      expect(event).toMatchObject({ type: 'order.succeeded', data: { status: 'succeeded', amount: 1_250 } })
      expect(await codeOf(() => verify(toRequest(genuine)))).toBe('notification_replayed')
      expect(await codeOf(() => verify(toRequest(w.tamper(genuine))))).toBe('signature_invalid')
      const { forged, genuine: control, options } = w.reorder(genuine)
      const keyed = make({ ...options, replayStore: false }) as (r: unknown) => Promise<unknown>
      expect(await codeOf(() => keyed(toRequest(forged)))).toBe('signature_invalid')
      expect(await codeOf(() => keyed(toRequest(control)))).toBe('accepted')
      const wrong = make({ ...w.wrongKeyOptions, replayStore: false }) as (r: unknown) => Promise<unknown>
      expect(await codeOf(() => wrong(toRequest(genuine)))).toBe('signature_invalid')
    },
  )

  it('client-bound: client.notifications verifies and acks the dialect of the client', async () => {
    const client =
      dialect === 'cmb'
        ? createMerchantClient({
            operator: cmb({ ...w.sandbox.cmb!, environment: w.sandbox.url }),
            notifications: { replayStore: createMemoryReplayStore() },
          })
        : createMerchantClient({
            baseUrl: w.sandbox.url,
            credentials: w.sandbox.credentials,
            merchantId: w.sandbox.merchantId,
            notifications: { replayStore: createMemoryReplayStore() },
          })
    const event = await client.notifications.verify(genuine.body, genuine.headers)
    expect(event).toMatchObject({ type: 'order.succeeded', data: { amount: 1_250 } })
    expect(await codeOf(() => client.notifications.verify(genuine.body, genuine.headers))).toBe(
      'notification_replayed',
    )
    expect(await codeOf(() => client.notifications.verify(w.tamper(genuine).body, genuine.headers))).toBe(
      'signature_invalid',
    )
    const seen: string[] = []
    const receive = client.notifications.fetchHandler({ handle: (e) => void seen.push(e.id) })
    const other = { ...genuine, body: w.tamper(genuine).body }
    expect((await receive(asRequest(shop.url, other))).status).toBe(400)
    expect(seen).toEqual([])
  })
})
