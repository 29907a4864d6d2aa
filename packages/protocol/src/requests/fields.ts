/** Field schemas the request bodies are built from, each bound to its limit in `limits`. */
import * as z from 'zod/mini'
import {
  forbiddenGoodsNameChars,
  limits,
  merchantNumberPattern,
  paymentCodePattern,
  terminalNoPattern,
  walletIdPattern,
} from '../constants/limits.js'

/** Integer fen, at least 1, at most `limits.maxAmountFen`; the messages name the limit. */
export const amount = z.number().check(
  z.int({ error: 'expected an integer number of fen' }),
  z.minimum(1, { error: 'expected at least 1 fen' }),
  z.maximum(limits.maxAmountFen, {
    error: `expected at most ${limits.maxAmountFen} fen, the protocol's maximum`,
  }),
)

/** A non-empty string of at most `max` characters. */
export const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max))

/** A gateway id sent back to it. */
export const gatewayId = text(limits.idLength)

export const merchantNumber = z
  .string()
  .check(z.regex(merchantNumberPattern, 'expected 1–64 letters, digits, _ or -'))

/** Goods description: ≤ 40 characters, none of `/ = &` (CMB `ecnyPayment` rules). */
export const goodsName = z.string().check(
  z.minLength(1),
  z.maxLength(limits.goodsNameLength),
  z.refine((value) => !forbiddenGoodsNameChars.some((char) => value.includes(char)), {
    message: 'must not contain / = or &',
  }),
)

export const terminalNo = z
  .string()
  .check(z.regex(terminalNoPattern, 'expected ≤ 32 printable ASCII characters'))

export const paymentCodeDigits = z
  .string()
  .check(z.regex(paymentCodePattern, 'expected the 19-digit payment code'))

export const walletIdDigits = z.string().check(z.regex(walletIdPattern, 'expected a 16-digit wallet id'))

export const expirySeconds = z.number().check(z.int(), z.minimum(1), z.maximum(limits.maxExpirySeconds))

export const notifyUrl = z.url({ protocol: /^https?$/ })

/** A wallet holder's payment password: 6 digits (never logged; the SDK redacts `password` fields). */
export const paymentPassword = z.string().check(z.regex(/^\d{6}$/, 'expected 6 digits'))
