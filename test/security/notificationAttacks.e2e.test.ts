/**
 * Attacks on a merchant's notification endpoint, end to end: the sandbox delivers genuine signed
 * notifications over HTTP to a real receiver on 127.0.0.1 (the SDK's node:http adapter, event ids
 * de-duplicated by its replay store); a recording proxy in front of the receiver keeps the raw
 * deliveries, which the tests then replay, alter and forge. Every attack is refused with the right
 * `EcnyError` code (or, for a replay, acknowledged without being applied), and no event's effect is
 * applied twice or at all when forged.
 */

import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { bodyDigest } from '@ecny/sdk-core/internal'
import { createMemoryReplayStore, signTestNotification } from '@ecny/sdk-merchant'
import {
  attackerKey,
  decodeJws,
  type Exchange,
  es256,
  forgeJws,
  fundedWallet,
  hs256,
  type MitmProxy,
  type NotificationReceiver,
  publicKeyAsSecrets,
  sendRaw,
  startNotificationReceiver,
  startProxy,
  until,
} from '@ecny/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let sandbox: Sandbox
let receiver: NotificationReceiver
let recorder: MitmProxy
const deliveries: Exchange[] = []
let genuine: Exchange

const receiverOrigin = () => new URL(receiver.url).origin
const gatewayKey = () => sandbox.rails.snapshot().gatewayKeys.at(-1)!

/** Posts `exchange` straight to the receiver; returns what the receiver decided. */
async function deliver(exchange: Exchange) {
  const before = receiver.log.length
  const response = await sendRaw(receiverOrigin(), exchange)
  const entry = receiver.log[before]
  expect(entry, 'the receiver logged the request').toBeDefined()
  return { ...entry!, status: response.status }
}

/** Sends an attack and checks it was refused with `code` and changed no applied effect. */
async function refused(code: string, exchange: Exchange, status = 400) {
  const applied = new Map(receiver.applied)
  const result = await deliver(exchange)
  expect([result.outcome, result.code, result.status]).toEqual(['rejected', code, status])
  expect(receiver.applied).toEqual(applied)
}

/** A notification with the genuine delivery's body, re-signed however the attacker likes. */
async function resigned(
  alter: (
    header: Record<string, unknown>,
    claims: Record<string, unknown>,
  ) => {
    header: Record<string, unknown>
    claims: Record<string, unknown>
    sign: (input: Buffer) => Buffer | Uint8Array
  },
  body = genuine.body,
): Promise<Exchange> {
  const { header, claims } = decodeJws(String(genuine.headers['ecny-signature']))
  const forged = alter(header, claims)
  const signature = forgeJws(forged.header, { ...forged.claims, bdh: await bodyDigest(body) }, forged.sign)
  return { ...genuine, body, headers: { ...genuine.headers, 'ecny-signature': signature } }
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 41, log: false, notificationIntervalMs: 20 })
  receiver = await startNotificationReceiver({
    gatewayKeys: `${sandbox.url}/.well-known/jwks.json`,
    replayStore: createMemoryReplayStore(),
  })
  recorder = await startProxy(receiverOrigin(), {
    request: (exchange) => {
      deliveries.push(exchange)
      return undefined
    },
  })
  const { engine } = sandbox.rails
  const payer = fundedWallet(sandbox.rails, 10_000, '13900002001')
  const order = engine.createOrder({
    merchantId: sandbox.merchantId,
    merchantOrderNo: 'NOTIFY-1',
    amount: 1_250,
    description: 'latte',
    mode: 'qr',
    notifyUrl: `${recorder.url}/ecny/notify`,
  })
  engine.payOrder(order.id, { walletId: payer })
  await until(() => receiver.applied.size === 1, 10_000, 'the genuine notification')
  genuine = deliveries[0]!
})

afterAll(async () => {
  await recorder?.close()
  await receiver?.close()
  await sandbox?.close()
})

describe('a genuine notification', () => {
  it('was verified and applied once', () => {
    const [id] = [...receiver.applied.keys()]
    expect(receiver.applied.get(id!)).toBe(1)
    expect(receiver.events.get(id!)?.type).toBe('order.succeeded')
  })

  it('replayed verbatim (three times) is acknowledged as a duplicate and never applied again', async () => {
    for (let i = 0; i < 3; i++) {
      const result = await deliver(genuine)
      expect([result.outcome, result.code, result.status]).toEqual([
        'duplicate',
        'notification_replayed',
        200,
      ])
    }
    expect([...receiver.applied.values()]).toEqual([1])
  })
})

describe('forged and altered notifications are refused', () => {
  it('a tampered body (amount changed, signature kept) → signature_invalid', async () => {
    const body = Buffer.from(genuine.body.toString('utf8').replace('"amount":1250', '"amount":1'))
    await refused('signature_invalid', { ...genuine, body })
  })

  it('alg none → signature_invalid', async () => {
    await refused(
      'signature_invalid',
      await resigned((header, claims) => ({
        header: { ...header, alg: 'none' },
        claims: { ...claims, rid: 'evt_forged_none' },
        sign: () => Buffer.alloc(0),
      })),
    )
  })

  it('HS256 keyed with the gateway’s public key → signature_invalid', async () => {
    for (const secret of publicKeyAsSecrets(gatewayKey().publicJwk as never)) {
      await refused(
        'signature_invalid',
        await resigned((header, claims) => ({
          header: { ...header, alg: 'HS256' },
          claims,
          sign: hs256(secret),
        })),
      )
    }
  })

  it('an unknown kid (an attacker’s key) → signature_invalid', async () => {
    const attacker = attackerKey()
    await refused(
      'signature_invalid',
      await resigned((header, claims) => ({
        header: { ...header, kid: 'gw-attacker' },
        claims,
        sign: es256(attacker.privateJwk),
      })),
    )
  })

  it('the gateway’s own key, but 10 minutes old (a stale capture) → signature_invalid', async () => {
    const stale = await signTestNotification(
      { type: 'order.succeeded', data: receiver.events.values().next().value!.data, id: 'evt_stale_1' },
      { privateKey: gatewayKey().privateJwk as never, timestamp: Date.now() - 600_000 },
    )
    await refused('signature_invalid', { ...genuine, headers: stale.headers, body: Buffer.from(stale.body) })
  })

  it('a genuine signature moved onto another event id → signature_invalid', async () => {
    const other = JSON.parse(genuine.body.toString('utf8')) as { id: string }
    const body = Buffer.from(JSON.stringify({ ...other, id: 'evt_other_1' }))
    await refused('signature_invalid', {
      ...genuine,
      body,
      headers: { ...genuine.headers, 'ecny-notification-id': 'evt_other_1' },
    })
  })

  it('signed by the gateway but not JSON → invalid_response', async () => {
    const key = gatewayKey()
    await refused(
      'invalid_response',
      await resigned(
        (header, claims) => ({
          header,
          claims: { ...claims, iat: Math.floor(Date.now() / 1000) },
          sign: es256(key.privateJwk as never),
        }),
        Buffer.from('{"id":"evt_'),
      ),
    )
  })

  it('a body over 1 MiB is not read to the end → payload_too_large (413)', async () => {
    const body = Buffer.alloc(1024 * 1024 + 1, 0x20)
    await refused('payload_too_large', { ...genuine, body }, 413)
  })

  it('no signature at all → signature_invalid', async () => {
    const { 'ecny-signature': _none, ...headers } = genuine.headers
    await refused('signature_invalid', { ...genuine, headers })
  })
})
