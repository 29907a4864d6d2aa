import { computeResidentIdCheckChar } from '@ecny/sdk-core'

/**
 * A valid resident ID number for someone born on `yyyymmdd` (check character computed).
 *
 * @example
 * residentId('19900101') // '110105199001011234'-shaped, with a valid check character
 * residentId('19800101', '002') // another person born the same day
 */
export function residentId(yyyymmdd = '19800101', serial = '123', area = '110105'): string {
  const first17 = `${area}${yyyymmdd}${serial}`
  return first17 + computeResidentIdCheckChar(first17)
}

/**
 * A Luhn-valid 16-digit bank card number; `bankCard(0)` is {@link testCard}.
 *
 * @example
 * bankCard(7) // '622202000000007' + its Luhn digit
 */
export function bankCard(seed = 0): string {
  const body = `622202${String(seed).padStart(9, '0')}`
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i])
    if (i % 2 === 0) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return body + String((10 - (sum % 10)) % 10)
}

/** The card every harness tops wallets up from: '6222020000000007'. */
export const testCard = bankCard(0)
