/**
 * Helpers for the end-to-end security and chaos tests: a man-in-the-middle proxy that can record,
 * alter or replay requests and responses between the SDK and the sandbox, raw HTTP sends, JWS forgery
 * (with node:crypto only, so nothing here shares code with what it attacks), and a real notification
 * receiver built on the SDK's node:http adapter.
 */

import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  sign,
} from 'node:crypto'
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { errorEnvelope } from '@ecny/protocol'
import { EcnyError } from '@ecny/sdk-core'
import { z } from '@ecny/sdk-core/internal'
import {
  ackNotification,
  createNodeNotificationVerifier,
  type MerchantNotificationEvent,
  type NodeNotificationVerifierOptions,
} from '@ecny/sdk-merchant'

// ---------------------------------------------------------------------------------------------------
// Raw HTTP

export type Exchange = { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer }
export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: Buffer }

async function readAll(stream: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks)
}

/** Sends exactly these bytes and headers (content-length fixed up), returns exactly what came back. */
export function sendRaw(baseUrl: string, exchange: Exchange): Promise<RawResponse> {
  const url = new URL(exchange.path, baseUrl)
  const headers: IncomingHttpHeaders = { ...exchange.headers, host: url.host }
  delete headers['transfer-encoding']
  if (exchange.body.length > 0 || exchange.method !== 'GET')
    headers['content-length'] = String(exchange.body.length)
  else delete headers['content-length']
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      { method: exchange.method, headers, agent: false },
      (incoming: IncomingMessage) => {
        readAll(incoming)
          .then((body) => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }))
          .catch(reject)
      },
    )
    outgoing.on('error', reject)
    outgoing.end(exchange.body)
  })
}

/** The error code of a gateway error response (the rails' signed `{"error": {code…}}` envelope). */
export function errorCodeOf(response: RawResponse): string | undefined {
  const parsed = z.safeParse(errorEnvelope, JSON.parse(response.body.toString('utf8') || 'null'))
  return parsed.success ? parsed.data.error.code : undefined
}

// ---------------------------------------------------------------------------------------------------
// Man in the middle

export type ProxyHooks = {
  /** Alter (return a new exchange) or just observe a request on its way to the gateway. */
  request?: (exchange: Exchange) => Exchange | undefined | Promise<Exchange | undefined>
  /** Alter (return a new response) or observe a response on its way back to the SDK. */
  response?: (
    exchange: Exchange,
    response: RawResponse,
  ) => RawResponse | undefined | Promise<RawResponse | undefined>
}

export type MitmProxy = { url: string; hooks: ProxyHooks; close(): Promise<void> }

/** A loopback proxy in front of `target` whose `hooks` may be swapped between calls. */
export async function startProxy(target: string, hooks: ProxyHooks = {}): Promise<MitmProxy> {
  const proxy: MitmProxy = { url: '', hooks, close: async () => {} }
  const server = createServer((req, res) => {
    void (async () => {
      try {
        let exchange: Exchange = {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: { ...req.headers },
          body: await readAll(req),
        }
        exchange = (await proxy.hooks.request?.(exchange)) ?? exchange
        let response = await sendRaw(target, exchange)
        response = (await proxy.hooks.response?.(exchange, response)) ?? response
        const headers: IncomingHttpHeaders = {
          ...response.headers,
          'content-length': String(response.body.length),
        }
        delete headers['transfer-encoding']
        delete headers.connection
        delete headers['keep-alive']
        res.writeHead(response.status, headers).end(response.body)
      } catch {
        res.destroy()
      }
    })()
  })
  proxy.url = await listen(server)
  proxy.close = () => closeServer(server)
  return proxy
}

export function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
  })
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

// ---------------------------------------------------------------------------------------------------
// JWS forgery (independent of jose and of the SDK)

const b64 = (value: string | Buffer | Uint8Array) => Buffer.from(value).toString('base64url')

export function decodeJws(token: string): {
  header: Record<string, unknown>
  claims: Record<string, unknown>
} {
  const [header, claims] = token.split('.')
  return {
    header: JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8')),
    claims: JSON.parse(Buffer.from(claims ?? '', 'base64url').toString('utf8')),
  }
}

/** A compact JWS over `claims` with whatever header and signing function the attacker chooses. */
export function forgeJws(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  signWith: (input: Buffer) => Buffer | Uint8Array,
): string {
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(claims))}`
  return `${input}.${b64(signWith(Buffer.from(input)))}`
}

/** ES256 with a private JWK, raw r‖s as JWS wants it. */
export const es256 = (privateJwk: JsonWebKey) => {
  const key = createPrivateKey({ key: privateJwk, format: 'jwk' })
  return (input: Buffer) => sign('sha256', input, { key, dsaEncoding: 'ieee-p1363' })
}

/** HMAC-SHA256 keyed with something public (the classic algorithm-confusion attack). */
export const hs256 = (secret: string | Buffer) => (input: Buffer) =>
  createHmac('sha256', secret).update(input).digest()

/** A fresh P-256 key pair nobody registered anywhere. */
export function attackerKey(): { privateJwk: JsonWebKey; publicJwk: JsonWebKey } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return { privateJwk: privateKey.export({ format: 'jwk' }), publicJwk: publicKey.export({ format: 'jwk' }) }
}

/** The secrets an HS256-with-the-public-key attacker would try: the JWK as JSON, and its PEM. */
export function publicKeyAsSecrets(publicJwk: JsonWebKey): Array<string | Buffer> {
  const { kty, crv, x, y } = publicJwk
  const pem = createPublicKey({ key: { kty, crv, x, y }, format: 'jwk' }).export({
    type: 'spki',
    format: 'pem',
  })
  return [
    JSON.stringify({ kty, crv, x, y }),
    JSON.stringify(publicJwk),
    pem,
    Buffer.from(`${x ?? ''}${y ?? ''}`),
  ]
}

// ---------------------------------------------------------------------------------------------------
// A merchant's notification receiver

export type ReceivedNotification = {
  id: string | undefined
  outcome: 'applied' | 'duplicate' | 'rejected'
  code?: string
  status: number
}

export type NotificationReceiver = {
  url: string
  /** Every request, in arrival order. */
  log: ReceivedNotification[]
  /** How many times each event's effect was applied (must be 1 for each). */
  applied: Map<string, number>
  /** Verified events, by id. */
  events: Map<string, MerchantNotificationEvent>
  close(): Promise<void>
}

/**
 * A merchant's notification endpoint on 127.0.0.1: the SDK's `createNodeNotificationVerifier` reads and
 * verifies the raw request, its replay store de-duplicates by event id, and only a newly verified
 * event is applied (`onEvent`); duplicates are acknowledged without applying; anything else is
 * refused with 400 (413 for an oversized body), so the gateway retries.
 */
export async function startNotificationReceiver(
  options: NodeNotificationVerifierOptions & { onEvent?: (event: MerchantNotificationEvent) => void },
): Promise<NotificationReceiver> {
  const { onEvent, ...verifierOptions } = options
  const verify = createNodeNotificationVerifier(verifierOptions)
  const receiver: NotificationReceiver = {
    url: '',
    log: [],
    applied: new Map(),
    events: new Map(),
    close: async () => {},
  }
  const server = createServer((req, res) => {
    void (async () => {
      const announced = req.headers['ecny-notification-id']
      const id = typeof announced === 'string' ? announced : undefined
      try {
        const event = await verify(req)
        receiver.events.set(event.id, event)
        receiver.applied.set(event.id, (receiver.applied.get(event.id) ?? 0) + 1)
        onEvent?.(event)
        receiver.log.push({ id: event.id, outcome: 'applied', status: 200 })
      } catch (error) {
        if (error instanceof EcnyError && error.code === 'notification_replayed') {
          receiver.log.push({ id, outcome: 'duplicate', code: error.code, status: 200 })
        } else {
          const code = error instanceof EcnyError ? error.code : 'unexpected_exception'
          const status = code === 'payload_too_large' ? 413 : 400
          receiver.log.push({ id, outcome: 'rejected', code, status })
          res.writeHead(status, { 'content-type': 'application/json', connection: 'close' })
          res.end(JSON.stringify({ code: 'FAIL', reason: code }))
          return
        }
      }
      const ack = ackNotification()
      res.writeHead(ack.status, ack.headers).end(ack.body)
    })()
  })
  receiver.url = `${await listen(server)}/ecny/notify`
  receiver.close = () => closeServer(server)
  return receiver
}

/** Polls `condition` every 20 ms until it holds, or fails after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
