import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { parseInput } from '../validation/parseInput.js'
import { computeResidentIdCheckChar } from './isValidResidentId.js'
import {
  areaCodeSchema,
  bankCardSchema,
  deviceIdSchema,
  mccSchema,
  mobileSchema,
  residentIdSchema,
  uscc,
  usccSchema,
  walletIdSchema,
} from './schemas.js'

function messages(schema: z.ZodMiniType, value: unknown): string[] {
  const result = z.safeParse(schema, value)
  return result.success ? [] : result.error.issues.map((issue) => issue.message)
}

describe('usccSchema', () => {
  it('accepts a valid code', () => {
    expect(z.parse(usccSchema, '91110108MA0000001D')).toBe('91110108MA0000001D')
  })

  it.each([
    ['9111010', ['USCC must be 18 characters (got 7)']],
    ['91110108MA000000ID', ['USCC contains a letter not used in USCC codes (I, O, S, V, Z)']],
    ['91110108ma0000001d', ['USCC must use uppercase letters only']],
    ['91A10108MA0000001D', ['USCC characters 3–8 must be digits (the GB/T 2260 area code)']],
    ['91110108MA000000_D', ['USCC may contain only digits and uppercase letters']],
    [
      '91110108MA0000001E',
      [
        'USCC check character is E but should be D — if this code is registered anyway, pass allowInvalidUsccCheck: true',
      ],
    ],
    [42, ['USCC must be a string']],
  ])('explains %p', (value, expected) => {
    expect(messages(usccSchema, value)).toEqual(expected)
  })

  it('accepts a bad check character only with the explicit override, and still checks the shape', () => {
    const lenient = uscc({ allowInvalidCheck: true })
    expect(z.parse(lenient, '91110108MA0000001E')).toBe('91110108MA0000001E')
    expect(messages(lenient, '91110108MA000000IE')).toHaveLength(1)
    expect(messages(uscc({ allowInvalidCheck: false }), '91110108MA0000001E')).toHaveLength(1)
  })
})

describe('residentIdSchema', () => {
  it('normalises a lowercase x to X', () => {
    expect(z.parse(residentIdSchema, '44030419900101002x')).toBe('44030419900101002X')
  })

  it('explains each problem without echoing the number', () => {
    const withCheck = (first17: string) => first17 + computeResidentIdCheckChar(first17)
    const cases: [string, RegExp][] = [
      ['110105200002291', /15-digit numbers are no longer valid/],
      ['1101052000022912', /must be 18 characters \(got 16\)/],
      ['11010520000229123Y', /17 digits followed by a digit or X/],
      [withCheck('11010520010229123'), /birth date \(characters 7–14\) is not a real date/],
      [withCheck('11010529990101123'), /in the future/],
      ['110105200002291234', /check character does not match/],
    ]
    for (const [value, expected] of cases) {
      const found = messages(residentIdSchema, value)
      expect(found).toHaveLength(1)
      expect(found[0]).toMatch(expected)
      expect(found[0]).not.toContain(value.slice(6, 14))
    }
  })
})

describe('other id schemas', () => {
  it.each([
    [mobileSchema, '13812341234', '+8613812341234', 'must not include the +86 country code'],
    [mobileSchema, '13812341234', '138-1234-1234', 'without spaces or dashes'],
    [mobileSchema, '13812341234', '12812341234', 'must start with 13–19'],
    [mobileSchema, '13812341234', '1381234', 'must be 11 digits (got 7)'],
    [walletIdSchema, '0022501234565081', '002250******5081', 'is masked'],
    [walletIdSchema, '0022501234565081', '00225012345650', 'must be 16 digits (got 14)'],
    [bankCardSchema, '6222020000000007', '6222020000000008', 'Luhn check failed'],
    [bankCardSchema, '6222020000000007', '62220200', 'must be 12–19 digits (got 8)'],
    [mccSchema, '5411', '541', 'MCC must be 4 digits'],
    [mccSchema, '5411', '54A1', 'MCC must contain digits only'],
    [areaCodeSchema, '110105', '190000', 'starts with 19, which is not a GB/T 2260 province code'],
    [areaCodeSchema, '110105', '11010', 'must be 6 digits (got 5)'],
    [deviceIdSchema, 'T0012345', 'T-001234', 'only letters'],
    [deviceIdSchema, 'T0012345', 'T00', 'must be 8 characters (got 3)'],
  ] as const)('%#: accepts the valid value and explains the bad one', (schema, valid, invalid, expected) => {
    expect(z.parse(schema, valid)).toBe(valid)
    const found = messages(schema, invalid)
    expect(found).toHaveLength(1)
    expect(found[0]).toContain(expected)
  })

  it('reports non-strings', () => {
    expect(messages(walletIdSchema, 22501234565081)).toEqual(['wallet ID must be a string'])
  })

  it('throws invalid_request with the field path through parseInput', () => {
    const schema = z.object({ merchant: z.object({ uscc: usccSchema, contactMobile: mobileSchema }) })
    expect(() =>
      parseInput(schema, { merchant: { uscc: '91110108MA0000001E', contactMobile: '13812341234' } }),
    ).toThrow(
      expect.objectContaining({ code: 'invalid_request', message: expect.stringContaining('merchant.uscc') }),
    )
  })

  it('publishes patterns in JSON Schema', () => {
    expect(z.toJSONSchema(usccSchema)).toMatchObject({ type: 'string', pattern: expect.any(String) })
    expect(z.toJSONSchema(mobileSchema)).toMatchObject({ pattern: '^1[3-9][0-9]{9}$' })
  })
})
