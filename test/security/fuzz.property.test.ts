/**
 * Fuzzing every validator and parser a caller (or an attacker) can feed: whatever comes in, the
 * `isValid*` checks answer a boolean and never throw; the zod schemas answer through `safeParse` and
 * agree with the matching check; the parsers either return a result or throw an `EcnyError` with a
 * stable code — never a `TypeError`, a `RangeError`, a stack overflow or a zod error.
 */

import { limits } from '@ecny/protocol'
import {
  areaCodeSchema,
  bankCardSchema,
  campaignRuleTypes,
  compileAudience,
  computeResidentIdCheckChar,
  computeUsccCheckChar,
  deviceIdSchema,
  EcnyError,
  fenSchema,
  formatYuan,
  isValidAreaCode,
  isValidBankCard,
  isValidDeviceId,
  isValidMcc,
  isValidMobile,
  isValidResidentId,
  isValidUscc,
  isValidWalletId,
  MAX_AUDIENCE_DEPTH,
  mccSchema,
  mobileSchema,
  parseAudience,
  parseCampaignRule,
  parseYuan,
  positiveFenSchema,
  refundPolicies,
  residentIdSchema,
  usccSchema,
  walletIdSchema,
} from '@ecny/sdk-core'
import { z } from '@ecny/sdk-core/internal'
import {
  createTestNotificationKeys,
  parseMerchantRecordsCsv,
  parseStatementCsv,
  signTestNotification,
  verifyNotification,
} from '@ecny/sdk-merchant'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

const runs = { numRuns: 400 }

/** Runs `f`; anything thrown that is not an `EcnyError` fails the property (with what it was). */
function onlyEcnyErrors<T>(f: () => T): T | EcnyError {
  try {
    return f()
  } catch (error) {
    if (error instanceof EcnyError) return error
    throw new Error(`threw a non-EcnyError: ${String(error)}`, { cause: error })
  }
}

async function onlyEcnyErrorsAsync<T>(f: () => Promise<T>): Promise<T | EcnyError> {
  try {
    return await f()
  } catch (error) {
    if (error instanceof EcnyError) return error
    throw new Error(`threw a non-EcnyError: ${String(error)}`, { cause: error })
  }
}

// ---------------------------------------------------------------------------------------------------
// Arbitraries

const awkwardValues = fc.constantFrom<unknown>(
  null,
  undefined,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  2 ** 53,
  -(2 ** 53),
  1e21,
  '',
  ' ',
  '\u0000',
  '１２３',
  '٣',
  [],
  {},
  Symbol('x'),
  10n,
  () => 1,
  new Date(0),
  Object.create(null),
  { toString: () => '110105194912310029' },
  { valueOf: () => 100 },
)
const anyValue = fc.oneof(fc.anything(), awkwardValues)
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.stringMatching(/^[0-9Xx*\s+-]{0,24}$/),
)
/** An object with no prototype (`Object.create(null)`, e.g. from some query-string parsers). */
const isBareObject = (value: unknown) =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === null

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''))

/** Shaped like a resident ID: 17 digits and a check character, valid about one time in two. */
const residentIdLike = fc
  .tuple(
    fc.constantFrom('110105', '310115', '440305', '990000', '000000'),
    fc.date({ min: new Date('1890-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
    digits(3, 3),
    fc.boolean(),
    fc.constantFrom(...'0123456789X'),
  )
  .map(([area, date, sequence, correct, other]) => {
    const first17 = `${area}${date.toISOString().slice(0, 10).replaceAll('-', '')}${sequence}`
    return first17 + (correct ? computeResidentIdCheckChar(first17) : other)
  })

/** Shaped like a USCC, valid about one time in two. */
const usccLike = fc
  .tuple(
    fc.constantFrom('91', '11', '52', '92', '00'),
    digits(6, 6),
    fc.array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), { minLength: 9, maxLength: 9 }),
    fc.boolean(),
    fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'),
  )
  .map(([prefix, area, body, correct, other]) => {
    const first17 = `${prefix}${area}${body.join('')}`
    return first17 + (correct ? computeUsccCheckChar(first17) : other)
  })

// ---------------------------------------------------------------------------------------------------

describe('identifier checks: booleans for any input, never a throw', () => {
  const checks = {
    isValidUscc,
    isValidResidentId,
    isValidMobile,
    isValidWalletId,
    isValidBankCard,
    isValidMcc,
    isValidAreaCode,
    isValidDeviceId,
  }
  for (const [name, check] of Object.entries(checks)) {
    it(`${name}(anything) is a boolean`, () => {
      fc.assert(
        fc.property(fc.oneof(anyValue, anyString, digits(0, 24), residentIdLike, usccLike), (value) => {
          expect(typeof check(value)).toBe('boolean')
        }),
        runs,
      )
    })
  }
})

describe('zod schemas: safeParse never throws and agrees with the matching check', () => {
  const pairs: Array<[string, z.ZodMiniType, (value: unknown) => boolean, fc.Arbitrary<unknown>]> = [
    ['usccSchema', usccSchema, isValidUscc, usccLike],
    ['residentIdSchema', residentIdSchema, isValidResidentId, residentIdLike],
    [
      'mobileSchema',
      mobileSchema,
      isValidMobile,
      fc.constantFrom('1').chain((one) => digits(10, 10).map((rest) => one + rest)),
    ],
    ['walletIdSchema', walletIdSchema, isValidWalletId, digits(14, 18)],
    ['bankCardSchema', bankCardSchema, isValidBankCard, digits(10, 20)],
    ['mccSchema', mccSchema, isValidMcc, digits(3, 5)],
    ['areaCodeSchema', areaCodeSchema, isValidAreaCode, digits(5, 7)],
    ['deviceIdSchema', deviceIdSchema, isValidDeviceId, fc.string({ minLength: 7, maxLength: 9 })],
  ]
  for (const [name, schema, check, shaped] of pairs) {
    it(`${name}`, () => {
      fc.assert(
        fc.property(fc.oneof(anyValue, anyString, shaped), (value) => {
          const result = z.safeParse(schema, value)
          // Same verdict as the boolean check, for the values the check is defined on.
          if (typeof value === 'string' && value === value.toUpperCase())
            expect(result.success, `${name} vs check on ${JSON.stringify(value)}`).toBe(check(value))
          if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0)
        }),
        runs,
      )
    })
  }

  it('fenSchema and positiveFenSchema accept exactly the safe integers ≥ 0 / 1 … the protocol maximum', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyValue,
          fc.double(),
          fc.integer(),
          fc.maxSafeInteger(),
          fc.constantFrom(limits.maxAmountFen, limits.maxAmountFen + 1),
        ),
        (value) => {
          const fen = z.safeParse(fenSchema, value).success
          const positive = z.safeParse(positiveFenSchema, value).success
          const safe = typeof value === 'number' && Number.isSafeInteger(value)
          expect(fen).toBe(safe && (value as number) >= 0)
          expect(positive).toBe(safe && (value as number) >= 1 && (value as number) <= limits.maxAmountFen)
        },
      ),
      runs,
    )
  })
})

describe('money parsers', () => {
  it('parseYuan: an integer of fen or an EcnyError, for any input', () => {
    const yuanish = fc.stringMatching(/^[-+]?[0-9,]{0,20}(\.[0-9]{0,5})?$/)
    fc.assert(
      fc.property(fc.oneof(anyValue, anyString, yuanish), fc.boolean(), (value, allowNegative) => {
        const result = onlyEcnyErrors(() => parseYuan(value as string, { allowNegative }))
        if (!(result instanceof EcnyError)) expect(Number.isSafeInteger(result)).toBe(true)
        else expect(result.code).toBe('invalid_request')
      }),
      runs,
    )
  })

  it('formatYuan: a string or an EcnyError; its output parses back exactly', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.maxSafeInteger(), fc.integer(), fc.double()), (value) => {
        const result = onlyEcnyErrors(() => formatYuan(value as number))
        if (result instanceof EcnyError) return
        expect(parseYuan(result, { allowNegative: true })).toBe(value === 0 ? 0 : value)
      }),
      runs,
    )
  })
})

describe('audience expressions', () => {
  const token = fc.oneof(
    fc.constantFrom('payroll', 'staff', 'new_wallet', '上海', 'vip:gold', 'a.b-c', 'and', 'OR', 'not'),
    fc.constantFrom('&', '&&', '|', '||', '!', '(', ')', '（', '）', ' ', '\t', '#', '"', '\\'),
  )
  const expressionish = fc.array(token, { maxLength: 30 }).map((parts) => parts.join(' '))
  const deep = fc
    .integer({ min: MAX_AUDIENCE_DEPTH - 2, max: MAX_AUDIENCE_DEPTH * 40 })
    .map((depth) => `${'('.repeat(depth)}a${')'.repeat(depth)}`)
  const long = fc.integer({ min: 1000, max: 5000 }).map((n) => Array.from({ length: n }, () => 'a').join('&'))

  // A value without a prototype cannot be turned into text at all: see the known gap below.
  const printable = anyValue.filter((value) => !isBareObject(value))

  it('parseAudience and compileAudience: a tree, or an EcnyError, never a crash (deep and long too)', () => {
    fc.assert(
      fc.property(fc.oneof(printable, anyString, expressionish, deep, long), (expression) => {
        const parsed = onlyEcnyErrors(() => parseAudience(expression as string))
        const compiled = onlyEcnyErrors(() => compileAudience(expression as string))
        expect(parsed instanceof EcnyError).toBe(compiled instanceof EcnyError)
        if (compiled instanceof EcnyError) return
        const matches = onlyEcnyErrors(() => compiled.matches(['payroll', '上海']))
        expect(typeof matches).toBe('boolean')
      }),
      { numRuns: 300 },
    )
  })
})

describe('campaign rules', () => {
  const fieldValue = fc.oneof(
    anyValue,
    fc.integer({ min: -5, max: 1_000_000 }),
    fc.constantFrom('2025-01-01T00:00:00+08:00', '2025-02-01T00:00:00+08:00', 'yesterday'),
    fc.constantFrom(...refundPolicies, 'fcfs', 'lottery', 'payroll & !staff', '(('),
  )
  const ruleish = fc.record(
    {
      type: fc.oneof(fc.constantFrom(...campaignRuleTypes), anyValue),
      budget: fc.oneof(fc.record({ amount: fieldValue, count: fieldValue }, { requiredKeys: [] }), anyValue),
      validity: fc.oneof(fc.record({ from: fieldValue, to: fieldValue }), anyValue),
      amount: fieldValue,
      points: fieldValue,
      faceValue: fieldValue,
      minSpend: fieldValue,
      discountBasisPoints: fieldValue,
      refundPolicy: fieldValue,
      allocation: fieldValue,
      audience: fieldValue,
      perWallet: fc.oneof(
        fc.record({ perDay: fieldValue, total: fieldValue }, { requiredKeys: [] }),
        anyValue,
      ),
      extra: fieldValue,
    },
    { requiredKeys: [] },
  )
  it('parseCampaignRule: a rule or an invalid_request EcnyError, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, ruleish), (input) => {
        const result = onlyEcnyErrors(() => parseCampaignRule(input))
        if (result instanceof EcnyError) expect(result.code).toBe('invalid_request')
        else expect(campaignRuleTypes).toContain(result.type)
      }),
      runs,
    )
  })
})

describe('verifyNotification on hostile input', () => {
  it('random bodies and headers (and real signatures moved onto them) only ever raise EcnyErrors', async () => {
    const keys = await createTestNotificationKeys()
    const genuine = await signTestNotification(
      { type: 'order.succeeded', data: { id: 'ord_1' } },
      { privateKey: keys.privateKey },
    )
    const jwsish = fc
      .tuple(fc.base64String(), fc.base64String(), fc.base64String())
      .map((parts) => parts.join('.'))
    const signature = fc.oneof(
      anyString,
      jwsish,
      fc.constant(genuine.headers['ecny-signature']!),
      fc.constant(`${genuine.headers['ecny-signature']!}x`),
    )
    const headers = fc.oneof(
      fc.record(
        { 'ecny-signature': signature, 'ecny-notification-id': fc.oneof(anyString, fc.constant(genuine.id)) },
        { requiredKeys: [] },
      ),
      fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.array(fc.string()))),
    )
    const body = fc.oneof(
      anyValue,
      anyString,
      fc.uint8Array({ maxLength: 2048 }),
      fc.constant(genuine.body),
      fc.json(),
    )
    await fc.assert(
      fc.asyncProperty(body, headers, async (rawBody, headerValues) => {
        await onlyEcnyErrorsAsync(() =>
          verifyNotification(rawBody as string, headerValues as Record<string, string>, {
            gatewayKeys: keys.jwks,
            replayStore: false,
          }),
        )
      }),
      { numRuns: 300 },
    )
  })

  it('hostile options are an EcnyError too', async () => {
    for (const options of [undefined, null, {}, { gatewayKeys: 42 }, { gatewayKeys: { keys: 'x' } }]) {
      const result = await onlyEcnyErrorsAsync(() =>
        verifyNotification('{}', {}, options as unknown as Parameters<typeof verifyNotification>[2]),
      )
      expect(result).toBeInstanceOf(EcnyError)
    }
  })
})

describe('statement and merchant-record CSV parsers', () => {
  const header =
    'recordType,id,merchantOrderNo,orderId,mode,status,amount,refundedAmount,payerWalletId,occurredAt'
  const cell = fc.oneof(
    fc.constantFrom('order', 'refund', 'ord_1', 'A-1', 'qr', 'succeeded', 'refunded', '100', '-1', '1.5', ''),
    fc.constantFrom('"a,b"', '"unterminated', '""', '"x""y"', '2025-01-01T00:00:00+08:00', '\r', '\u0000'),
    fc.string({ maxLength: 12 }),
    digits(1, 20),
  )
  const line = fc.array(cell, { minLength: 0, maxLength: 12 }).map((cells) => cells.join(','))
  const csv = fc.oneof(
    fc.array(line, { maxLength: 8 }).map((lines) => [header, ...lines].join('\n')),
    fc.array(line, { maxLength: 8 }).map((lines) => lines.join('\r\n')),
    fc.string({ unit: 'binary', maxLength: 400 }),
  )
  /** The text cut into chunks at random places (multi-byte characters included). */
  const chunked = fc.tuple(csv, fc.array(fc.nat(), { maxLength: 6 })).map(([text, cuts]) => {
    const bytes = new TextEncoder().encode(text)
    const points = [...new Set(cuts.map((cut) => (bytes.length ? cut % bytes.length : 0)))].sort(
      (a, b) => a - b,
    )
    const chunks: Uint8Array[] = []
    let previous = 0
    for (const point of [...points, bytes.length]) {
      chunks.push(bytes.slice(previous, point))
      previous = point
    }
    return chunks
  })

  it('parseStatementCsv and parseMerchantRecordsCsv: rows or an EcnyError, whatever the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(chunked, async (chunks) => {
        for (const parse of [parseStatementCsv, parseMerchantRecordsCsv] as const) {
          await onlyEcnyErrorsAsync(async () => {
            let rows = 0
            for await (const _row of parse(chunks)) rows++
            return rows
          })
        }
      }),
      { numRuns: 300 },
    )
  })
})

/** Inputs outside the TypeScript signature (JavaScript callers, untyped JSON) still get an `EcnyError`. */
describe('inputs outside the typed signature', () => {
  it('parseAudience(Object.create(null)) throws an EcnyError', () => {
    const result = onlyEcnyErrors(() => parseAudience(Object.create(null) as string))
    expect(result).toBeInstanceOf(EcnyError)
  })

  for (const [label, source] of [
    ['null', null],
    ['[42] (an iterable of numbers)', [42]],
  ] as const) {
    it(`parseStatementCsv(${label}) throws an EcnyError`, async () => {
      const result = await onlyEcnyErrorsAsync(async () => {
        for await (const _row of parseStatementCsv(source as unknown as Iterable<string>)) {
          // read to the end
        }
      })
      expect(result).toBeInstanceOf(EcnyError)
    })
  }
})
