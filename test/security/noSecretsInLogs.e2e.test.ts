/**
 * A demo-like day on the sandbox with every log line captured — the SDK's `logger` at debug level on
 * both the wallet and the merchant client, and the sandbox's request log — plus the message of every
 * error the flow provoked. Real-looking personal data goes in: resident ID numbers with valid check
 * characters, mobiles, bank cards, 16-digit wallet IDs, a client token in an Authorization header,
 * request and response signatures, some retries (injected 503s). None of it may come out: no private
 * key material (the `d` of any JWK), no token or JWS, and ID numbers, mobiles, cards and wallet IDs
 * only masked.
 */

import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { computeResidentIdCheckChar, createClient, EcnyError, type Logger } from '@ecny/sdk-core'
import { createMemoryReplayStore, createMerchantClient } from '@ecny/sdk-merchant'
import { type NotificationReceiver, startNotificationReceiver, until } from '@ecny/test-utils'
import { afterAll, beforeAll, expect, it } from 'vitest'

const lines: string[] = []
/** The messages (message, hint, `String(error)`) of the errors the flow provoked. */
const errors: string[] = []
let sandbox: Sandbox
let receiver: NotificationReceiver

/** Secrets and personal data the flow handled; none may appear verbatim in `lines`. */
const secrets = new Map<string, string>()
const keep = (label: string, value: string | undefined | null) => {
  if (value) secrets.set(value, label)
}

const sink =
  (at: string): Logger[keyof Logger] =>
  (message, fields) => {
    lines.push(`[sdk ${at}] ${message} ${fields === undefined ? '' : JSON.stringify(fields)}`)
  }
const logger: Logger = { debug: sink('debug'), info: sink('info'), warn: sink('warn'), error: sink('error') }

const residentId = (first17: string) => first17 + computeResidentIdCheckChar(first17)
const people = [
  {
    name: '张三',
    idNumber: residentId('11010519850612351'),
    mobile: '13812345678',
    card: '6222020000000007',
  },
  {
    name: '李四',
    idNumber: residentId('31011519920203242'),
    mobile: '15987654321',
    card: '6217000010012345677',
  },
]

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 51,
    log: (line) => lines.push(`[sandbox] ${line}`),
    faults: { rate5xx: 0.15 },
    notificationIntervalMs: 20,
  })
  receiver = await startNotificationReceiver({
    gatewayKeys: `${sandbox.url}/.well-known/jwks.json`,
    replayStore: createMemoryReplayStore(),
  })
})

afterAll(async () => {
  await receiver?.close()
  await sandbox?.close()
})

/** The leaks of `text`: which kinds of secret or personal data appear in it verbatim or unmasked. */
function leaksIn(text: string): string[] {
  const found = [...secrets].filter(([value]) => text.includes(value)).map(([, label]) => label)
  if (/eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]*/.test(text)) found.push('a JWS (signature or token)')
  if (/Bearer\s+(?!\[REDACTED\])\S{8,}/i.test(text)) found.push('a bearer token')
  if (/"d"\s*:\s*"[\w-]{20,}"/.test(text)) found.push('a private JWK parameter')
  if (/(?<![\d*])1[3-9]\d{9}(?!\d)/.test(text)) found.push('an unmasked mobile')
  if (/(?<![\d*])\d{17}[\dX](?![\d*])/.test(text)) found.push('an unmasked ID number')
  if (/(?<![\d*])\d{16}(?![\d*])/.test(text)) found.push('an unmasked wallet ID')
  return [...new Set(found)]
}

it('a full flow logs nothing secret and no unmasked personal data', async () => {
  const config = {
    baseUrl: sandbox.url,
    credentials: sandbox.credentials,
    logger,
    logLevel: 'debug' as const,
    maxRetries: 6,
  }
  const holder = createClient(config)
  const merchant = createMerchantClient({ ...config, merchantId: sandbox.merchantId })
  const expectError = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(EcnyError)
    const e = error as EcnyError
    // `details` are structured data for the caller's code (they may name the wallet); messages are text.
    errors.push(`${e.name}: ${e.message} ${e.hint ?? ''} ${String(e)}`)
  }

  // Wallets: real-name WL03 for both people, and a bank-linked WL02 for the first.
  const wallets = []
  for (const person of people) {
    keep('ID number', person.idNumber)
    keep('mobile', person.mobile)
    keep('bank card', person.card)
    const wallet = await holder.wallets.open({
      type: 'WT01',
      level: 'WL03',
      mobile: person.mobile,
      name: person.name,
      idNumber: person.idNumber,
    })
    keep('wallet ID', wallet.id)
    await holder.wallets.topUp({ walletId: wallet.id, amount: 200_000, bankCard: person.card })
    wallets.push(wallet)
  }
  const [alice, bob] = wallets as [(typeof wallets)[0], (typeof wallets)[0]]
  const linked = await holder.wallets.open({
    type: 'WT01',
    level: 'WL02',
    mobile: people[0]!.mobile,
    name: people[0]!.name,
    idNumber: people[0]!.idNumber,
    bankCard: { number: people[0]!.card, holderName: people[0]!.name },
  })
  keep('wallet ID', linked.id)
  keep('wallet ID', sandbox.rails.engine.getMerchant(sandbox.merchantId).settlementWalletId as string)

  // Pay, transfer, refund; read balances, limits and history.
  const order = await merchant.orders.create({
    mode: 'qr',
    merchantOrderNo: 'LOG-1',
    amount: 3_800,
    description: '咖啡两杯',
    notifyUrl: receiver.url,
  })
  const paid = await holder.payments.pay({ orderId: order.id, walletId: alice.id })
  expect(paid.status).toBe('succeeded')
  await holder.transfers.create({ fromWalletId: alice.id, toWalletId: bob.id, amount: 888, memo: '红包' })
  await merchant.refunds.create({ orderId: order.id, merchantRefundNo: 'LOG-R1', amount: 800 })
  await holder.wallets.balance({ walletId: bob.id })
  await holder.wallets.limits({ walletId: alice.id })
  for await (const _tx of holder.wallets.transactions({ walletId: alice.id })) {
    // read the history
  }

  // A browser token for Bob's wallet, used as a bearer token.
  const { token } = await holder.clientTokens.create({ scope: { type: 'wallet', id: bob.id } })
  keep('client token', token)
  const browser = createClient({
    baseUrl: sandbox.url,
    clientToken: token,
    logger,
    logLevel: 'debug',
    maxRetries: 6,
  })
  await browser.wallets.balance({ walletId: bob.id })

  // Failures, whose messages count as output too.
  const [, second] = people as [unknown, (typeof people)[number]]
  const mistyped = second.idNumber.slice(0, 17) + (second.idNumber[17] === '0' ? '1' : '0')
  await expectError(
    holder.wallets.open({
      type: 'WT01',
      level: 'WL03',
      mobile: second.mobile,
      name: second.name,
      idNumber: mistyped,
    }),
  )
  await expectError(
    holder.wallets.open({
      type: 'WT01',
      level: 'WL03',
      mobile: people[1]!.mobile,
      name: people[1]!.name,
      idNumber: people[1]!.idNumber,
    }),
  ) // wallet_exists
  await expectError(
    holder.transfers.create({ fromWalletId: bob.id, toWalletId: alice.id, amount: 99_999_999 }),
  )
  await expectError(browser.wallets.balance({ walletId: alice.id })) // another wallet: permission_denied
  await expectError(holder.wallets.balance({ walletId: `${alice.id.slice(0, 15)}` }))

  await until(() => receiver.applied.size >= 2, 10_000, 'notifications')

  // Key material that exists in this process and must never be printed.
  keep('app private key d', String(sandbox.credentials.privateKey.d))
  for (const key of sandbox.rails.snapshot().gatewayKeys)
    keep('gateway private key d', String(key.privateJwk.d))

  const output = lines.join('\n')
  expect(lines.filter((line) => line.startsWith('[sdk')).length).toBeGreaterThan(20)
  expect(lines.filter((line) => line.startsWith('[sandbox]')).length).toBeGreaterThan(20)
  expect(output).toMatch(/retrying/) // the injected 503s were logged, and are covered too

  expect(leaksIn(output)).toEqual([])
  expect(errors.length).toBe(5)
})

/**
 * Error messages are text an app shows or logs as it is: the SDK masks personal data in gateway
 * messages (and the rails mask their own), so nothing provoked here leaks.
 */
it('the errors it provoked carry no secret and no unmasked personal data in their messages', () => {
  expect(errors.length).toBe(5)
  expect(leaksIn(errors.join('\n'))).toEqual([])
})
