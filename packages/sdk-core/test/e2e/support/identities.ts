import { computeResidentIdCheckChar } from '../../../src/ids/isValidResidentId.js'

/** A valid resident ID number for test person `n` (born 1980-01-01 in Beijing Dongcheng). */
export function residentId(n: number): string {
  const first17 = `11010119800101${String(n % 1000).padStart(3, '0')}`
  return first17 + computeResidentIdCheckChar(first17)
}

/** A Luhn-valid card number for test person `n`. */
export function bankCard(n: number): string {
  const body = `622202${String(n).padStart(9, '0')}`
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
