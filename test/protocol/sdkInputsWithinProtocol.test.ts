/**
 * Anything an SDK action accepts, the gateway's request schema accepts: each action runs with
 * generated inputs near the protocol's limits against a client that only records what would be
 * sent; whenever the SDK lets a call through, its body must parse with the operation's schema.
 */
import { type Operation, operations } from '@ecny/protocol'
import { createClientToken, createTransfer, EcnyError, openWallet } from '@ecny/sdk-core'
import { createGovBill, createOrder, createQrCode, createRefund } from '@ecny/sdk-merchant'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

type Sent = { method: string; path: string; body?: unknown }

const table: Operation[] = Object.values(operations)
const template = (path: string) => new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`)
const operationOf = (sent: Sent) =>
  table.find((entry) => entry.method === sent.method && template(entry.path).test(sent.path.split('?')[0]!))

function recordingClient() {
  const sent: Sent[] = []
  const client = {
    baseUrl: 'https://gateway.test',
    authKind: 'signature',
    merchantId: 'm_1',
    request: async (parameters: Sent) => {
      sent.push(parameters)
      // A paid order of 10,000 fen, for actions that read before they write (refund "the rest").
      if (parameters.method === 'GET')
        return { amount: 10_000, refundedAmount: 0, status: 'succeeded', data: [] }
      return {}
    },
    requestStream: async () => ({}),
    verifyGatewaySignature: async () => ({}),
  }
  return { client: client as never, sent }
}

/** Runs the action; when the SDK refused the input nothing may have been sent, else every write must fit. */
async function sentBodiesFit(action: (client: never) => Promise<unknown>) {
  const { client, sent } = recordingClient()
  try {
    await action(client)
  } catch (error) {
    if (!(error instanceof EcnyError) || error.code !== 'invalid_request') throw error
    expect(sent.filter((call) => call.method !== 'GET')).toEqual([])
    return
  }
  for (const call of sent) {
    const operation = operationOf(call)
    expect(operation, `${call.method} ${call.path}`).toBeDefined()
    if (!operation!.request) continue
    const parsed = operation!.request.safeParse(call.body)
    expect(parsed.success, `${operation!.name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true)
  }
}

const edgyChar = fc.constantFrom('a', 'Z', '0', '9', '-', '_', '/', '=', '&', ' ', '中', '\t', 'é', '😀', '%')
const edgyText = (maxLength: number) => fc.string({ unit: edgyChar, maxLength })
const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max })
const amount = fc.oneof(
  fc.integer({ min: -2, max: 2 }),
  fc.integer({ min: 1, max: 5_000_000 }),
  fc.constantFrom(999_999_999_999, 1_000_000_000_000, 1_000_000_000_001, Number.MAX_SAFE_INTEGER, 1.5),
)
const runs = { numRuns: 150 }

describe('SDK inputs stay within the protocol', () => {
  it('createOrder', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          mode: fc.constantFrom('qr', 'app', 'payment_code', 'sub_wallet'),
          merchantOrderNo: edgyText(70),
          amount,
          description: edgyText(45),
          paymentCode: digits(18, 20),
          subWalletId: edgyText(70),
          terminalId: fc.option(edgyText(36), { nil: undefined }),
          expiresInSeconds: fc.option(fc.integer({ min: -1, max: 8 * 86_400 }), { nil: undefined }),
        }),
        (input) => sentBodiesFit((client) => createOrder(client, input as never)),
      ),
      runs,
    )
  })

  it('createRefund', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          orderId: fc.constant('ord_1'),
          merchantRefundNo: edgyText(70),
          amount: fc.option(amount, { nil: undefined }),
          reason: fc.option(edgyText(90), { nil: undefined }),
        }),
        (input) => sentBodiesFit((client) => createRefund(client, input as never)),
      ),
      runs,
    )
  })

  it('createTransfer', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          fromWalletId: digits(15, 17),
          toWalletId: digits(15, 17),
          amount,
          memo: fc.option(edgyText(70), { nil: undefined }),
          precheck: fc.constant(false),
        }),
        (input) => sentBodiesFit((client) => createTransfer(client, input as never)),
      ),
      runs,
    )
  })

  it('openWallet and createClientToken', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          mobile: fc.oneof(
            digits(10, 12).map((d) => `1${d}`),
            digits(8, 14).map((d) => `+${d}`),
          ),
        }),
        fc.record({
          type: fc.constantFrom('wallet', 'order', 'wallet_opening'),
          id: edgyText(70),
          ttlSeconds: fc.option(fc.integer({ min: -1, max: 1_000 }), { nil: undefined }),
        }),
        async (wallet, token) => {
          await sentBodiesFit((client) =>
            openWallet(client, { type: 'WT01', level: 'WL04', mobile: wallet.mobile } as never),
          )
          await sentBodiesFit((client) =>
            createClientToken(client, {
              scope: { type: token.type, id: token.id },
              ttlSeconds: token.ttlSeconds,
            } as never),
          )
        },
      ),
      runs,
    )
  })

  it('createGovBill and createQrCode', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          sceneId: edgyText(70),
          billNo: edgyText(70),
          billType: edgyText(36),
          payerName: edgyText(130),
          amount,
          dueDate: fc.constantFrom('2026-12-31', '2026-02-30', '26-1-1'),
        }),
        fc.record({
          amount,
          description: edgyText(45),
          merchantOrderNo: fc.option(edgyText(70), { nil: undefined }),
        }),
        async (bill, qr) => {
          await sentBodiesFit((client) => createGovBill(client, bill as never))
          await sentBodiesFit((client) =>
            createQrCode(client, { sceneId: 'scn_1', kind: 'dynamic', ...qr } as never),
          )
        },
      ),
      runs,
    )
  })
})
