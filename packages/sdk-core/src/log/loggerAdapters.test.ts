import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { baseUrl, type GatewayKey, makeKeyPair } from '../../test/fakeGateway.js'
import { createBaseClient } from '../client/createBaseClient.js'
import { fromPino, type PinoLike } from './fromPino.js'
import { fromWinston, type WinstonLike } from './fromWinston.js'

/** A fake pino: records each call's arguments as pino would receive them. */
function fakePino() {
  const calls: unknown[][] = []
  const method =
    (level: string) =>
    (...args: unknown[]) => {
      calls.push([level, ...args])
    }
  const pino = { debug: method('debug'), info: method('info'), warn: method('warn'), error: method('error') }
  return { pino: pino as PinoLike, calls }
}

/** A fake winston: records each `log(level, message, meta)` call. */
function fakeWinston() {
  const calls: unknown[][] = []
  const winston: WinstonLike = {
    log: (...args: unknown[]) => {
      calls.push(args)
    },
  }
  return { winston, calls }
}

describe('fromPino', () => {
  it('passes the fields first and the message second, as pino expects', () => {
    const { pino, calls } = fakePino()
    const logger = fromPino(pino)
    logger.info('order created', { orderId: 'ord_1', status: 'paid' })
    logger.debug('no fields')
    expect(calls).toEqual([
      ['info', { orderId: 'ord_1', status: 'paid' }, 'order created'],
      ['debug', 'no fields'],
    ])
  })

  it('redacts secrets and masks ids before pino sees them', () => {
    const { pino, calls } = fakePino()
    fromPino(pino).warn('paying from 0022501234565081', {
      authorization: 'Bearer abcdefghijklmnop',
      payer: { mobile: '13812341234' },
    })
    expect(calls).toEqual([
      [
        'warn',
        { authorization: '[REDACTED]', payer: { mobile: '138****1234' } },
        'paying from 002250******5081',
      ],
    ])
  })
})

describe('fromWinston', () => {
  it('passes the level first, then the message and the fields, as winston.log expects', () => {
    const { winston, calls } = fakeWinston()
    const logger = fromWinston(winston)
    logger.error('refund failed', { code: 'refund_exceeds_paid' })
    logger.info('no fields')
    expect(calls).toEqual([
      ['error', 'refund failed', { code: 'refund_exceeds_paid' }],
      ['info', 'no fields'],
    ])
  })

  it('redacts secrets and masks ids before winston sees them', () => {
    const { winston, calls } = fakeWinston()
    fromWinston(winston).info('card 6222020000000007', { privateKey: 'pk', walletId: '0022501234565081' })
    expect(calls).toEqual([
      ['info', 'card 622202******0007', { privateKey: '[REDACTED]', walletId: '002250******5081' }],
    ])
  })
})

describe('as the client logger', () => {
  const server = setupServer()
  let gatewayKey: GatewayKey
  beforeAll(async () => {
    gatewayKey = await makeKeyPair('gw-1')
    server.listen({ onUnhandledRequest: 'error' })
  })
  afterAll(() => server.close())

  it("receives the SDK's retry lines, redacted, in pino's and winston's argument order", async () => {
    server.use(http.get(`${baseUrl}/v1/ping`, () => HttpResponse.error()))
    const { pino, calls: pinoCalls } = fakePino()
    const { winston, calls: winstonCalls } = fakeWinston()
    for (const logger of [fromPino(pino), fromWinston(winston)]) {
      const client = createBaseClient({
        baseUrl,
        clientToken: 'ct_secret_value',
        gatewayKeys: { keys: [gatewayKey.publicJwk] },
        logger,
        maxRetries: 1,
      })
      await client
        .request({ method: 'GET', path: '/v1/wallets/0022501234565081', schema: z.unknown() })
        .catch(() => undefined)
    }
    const pinoRetry = pinoCalls.find((call) => String(call[2]).startsWith('retrying'))
    const winstonRetry = winstonCalls.find((call) => String(call[1]).startsWith('retrying'))
    expect(pinoRetry).toEqual(['info', { attempt: 1, idempotencyKey: undefined }, expect.any(String)])
    expect(winstonRetry).toEqual(['info', expect.any(String), { attempt: 1, idempotencyKey: undefined }])
    const text = JSON.stringify([pinoCalls, winstonCalls])
    expect(text).toContain('002250******5081')
    expect(text).not.toContain('0022501234565081')
    expect(text).not.toContain('ct_secret_value')
  })
})
