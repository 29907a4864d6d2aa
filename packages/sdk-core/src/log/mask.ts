/**
 * Keeps `keepStart` and `keepEnd` characters and stars the rest. A value too short to hide at least
 * four characters that way is starred completely.
 */
function maskMiddle(value: unknown, keepStart: number, keepEnd: number): string {
  const text = String(value)
  if (text.length < keepStart + keepEnd + 4) return '*'.repeat(text.length)
  return text.slice(0, keepStart) + '*'.repeat(text.length - keepStart - keepEnd) + text.slice(-keepEnd)
}

/**
 * Masks a mobile number the Chinese way: first 3 and last 4 digits.
 *
 * @example
 * maskMobile('13812341234') // '138****1234'
 */
export function maskMobile(mobile: string): string {
  return maskMiddle(mobile, 3, 4)
}

/**
 * Masks a wallet ID: first 6 and last 4 digits.
 *
 * @example
 * maskWalletId('0022501234565081') // '002250******5081'
 */
export function maskWalletId(walletId: string): string {
  return maskMiddle(walletId, 6, 4)
}

/**
 * Masks a resident ID number: first 6 (the area code) and last 4 characters.
 *
 * @example
 * maskResidentId('110105200002291235') // '110105********1235'
 */
export function maskResidentId(idNumber: string): string {
  return maskMiddle(idNumber, 6, 4)
}

/**
 * Masks a bank card number: first 4 and last 4 digits.
 *
 * @example
 * maskBankCard('6222020000000007') // '6222********0007'
 */
export function maskBankCard(cardNumber: string): string {
  return maskMiddle(cardNumber, 4, 4)
}

function passesLuhn(digits: string): boolean {
  let sum = 0
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    const digit = Number(digits[i]) * (double ? 2 : 1)
    sum += digit > 9 ? digit - 9 : digit
  }
  return sum % 10 === 0
}

/** The masked form of one run of digits (maybe ending in X), or `undefined` if it is not personal data. */
function maskRun(run: string): string | undefined {
  if (/^[0-9]{17}[0-9Xx]$/.test(run)) return maskResidentId(run)
  if (/[Xx]$/.test(run)) {
    const masked = maskRun(run.slice(0, -1))
    return masked === undefined ? undefined : masked + run.slice(-1)
  }
  if (/^1[3-9][0-9]{9}$/.test(run)) return maskMobile(run)
  const withCountryCode = /^(0086|86)(1[3-9][0-9]{9})$/.exec(run)
  if (withCountryCode) return withCountryCode[1]! + maskMobile(withCountryCode[2]!)
  if (run.length === 16) return maskWalletId(run) // wallet ids and most cards: 6 + 4 kept either way
  if (run.length >= 12 && run.length <= 19 && passesLuhn(run)) return maskBankCard(run)
  return undefined
}

/** The longest identifier is a 19-digit card; no span of groups beyond this is tried. */
const LONGEST = 19

/**
 * Masks personal identifiers inside free text: resident ID numbers (18 characters), wallet IDs
 * (16 digits), mobile numbers (11 digits from `13`–`19`, also after `86`/`0086`) and bank card
 * numbers (12–19 digits passing Luhn), also when written in groups separated by spaces or dashes.
 * Whole runs of digits are classified by length, so a wallet ID is never half-masked as a mobile
 * number; other numbers (amounts, dates, short codes) are left alone.
 *
 * @example
 * maskText('wallet 0022501234565081 paid by 13812341234')
 * // 'wallet 002250******5081 paid by 138****1234'
 * maskText('card 6222 0200 0000 0000 000') // 'card 6222***********0000' (19 digits, Luhn-valid)
 */
export function maskText(text: string): string {
  return String(text).replace(/[0-9]+(?:[ -][0-9]+)*[Xx]?/g, (token) => {
    const groups = token.split(/[ -]/)
    const separators = token.match(/[ -]/g) ?? []
    let out = ''
    let i = 0
    while (i < groups.length) {
      // The longest span of groups, starting at i, that joins into an identifier.
      let end = i + 1
      let masked: string | undefined
      for (let j = i + 1, joined = ''; j <= groups.length; j++) {
        joined += groups[j - 1]
        if (joined.length > LONGEST) break
        const candidate = maskRun(joined)
        if (candidate !== undefined) [end, masked] = [j, candidate]
      }
      out += (i > 0 ? separators[i - 1]! : '') + (masked ?? groups[i]!)
      i = end
    }
    return out
  })
}
