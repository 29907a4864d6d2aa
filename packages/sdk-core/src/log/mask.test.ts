import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeLuhnCheckDigit } from '../ids/isValidBankCard.js'
import { computeResidentIdCheckChar } from '../ids/isValidResidentId.js'
import { maskBankCard, maskMobile, maskResidentId, maskText, maskWalletId } from './mask.js'

const card19 = `622202000000000000${computeLuhnCheckDigit('622202000000000000')}`

describe('mask functions', () => {
  it('mask the Chinese way', () => {
    expect(maskMobile('13812341234')).toBe('138****1234')
    expect(maskWalletId('0022501234565081')).toBe('002250******5081')
    expect(maskResidentId('110105200002291235')).toBe('110105********1235')
    expect(maskBankCard('6222020000000007')).toBe('6222********0007')
    expect(maskBankCard(card19)).toBe('6222***********0000')
  })

  it('star short or odd values completely instead of revealing most of them', () => {
    expect(maskMobile('1381234')).toBe('*******')
    expect(maskWalletId('')).toBe('')
    expect(maskMobile(13812341234 as unknown as string)).toBe('138****1234')
  })
})

describe('maskText', () => {
  it('masks identifiers in free text and leaves other numbers alone', () => {
    expect(maskText('wallet 0022501234565081 paid by 13812341234')).toBe(
      'wallet 002250******5081 paid by 138****1234',
    )
    expect(maskText('holder 44030419900101002X, 44030419900101002x')).toBe(
      'holder 440304********002X, 440304********002x',
    )
    expect(maskText(`card ${card19}`)).toBe('card 6222***********0000')
    expect(maskText('paid 1234 fen at 2024-01-01 12:00, order 20240101123457, code 5411')).toBe(
      'paid 1234 fen at 2024-01-01 12:00, order 20240101123457, code 5411',
    )
  })

  it('never masks a wallet id or ID number partially as a mobile number', () => {
    expect(maskText('0013812341234123')).toBe('001381******4123')
    expect(maskText('13812341234000')).toBe('13812341234000') // 14 digits, not Luhn-valid: not an identifier
    expect(maskText('id:138123412340001234')).toBe('id:138123********1234')
  })

  it('masks grouped and prefixed forms', () => {
    expect(maskText('call 138 1234 1234 or 138-1234-1234')).toBe('call 138****1234 or 138****1234')
    expect(maskText('+86 13812341234 / 008613812341234')).toBe('+86138****1234 / 0086138****1234')
    expect(maskText(`card ${card19.replace(/(\d{4})(?=\d)/g, '$1 ')}`)).toBe('card 6222***********0000')
    expect(maskText('2024-01-01 13812341234')).toBe('2024-01-01 138****1234')
    expect(maskText('13812341234x')).toBe('138****1234x')
  })

  it('property: no generated identifier survives in the text', () => {
    const mobile = fc.stringMatching(/^1[3-9][0-9]{9}$/)
    const wallet = fc.stringMatching(/^[0-9]{16}$/)
    const residentId = fc.stringMatching(/^[0-9]{17}$/).map((p) => p + computeResidentIdCheckChar(p))
    const card = fc.stringMatching(/^[0-9]{11,18}$/).map((p) => p + computeLuhnCheckDigit(p))
    const filler = fc.constantFrom(' ', ', ', ' paid ', '：', '\n', ' at 12:00 ')
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(mobile, wallet, residentId, card), filler), {
          minLength: 1,
          maxLength: 5,
        }),
        (parts) => {
          const text = parts.map(([id, sep]) => id + sep).join('')
          const masked = maskText(text)
          for (const [id] of parts) expect(masked).not.toContain(id)
          expect(masked.length).toBeLessThanOrEqual(text.length)
        },
      ),
      { numRuns: 500 },
    )
  })
})
