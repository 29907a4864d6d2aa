import * as z from 'zod/mini'
import { normalizeMobile } from './normalizeMobile.js'
import { mobileSchema } from './schemas.js'

/**
 * A mainland mobile number as people write it: 11 digits, or with `+86` / `0086` in front. Parses to
 * the 11 digits, so `+8613812341234` and `13812341234` are the same person (see `normalizeMobile`).
 *
 * @example
 * z.parse(mainlandMobileInputSchema, '+8613812341234') // '13812341234'
 */
export const mainlandMobileInputSchema = z.pipe(
  z.string({ error: 'mobile number must be a string' }).check(z.overwrite(normalizeMobile)),
  mobileSchema,
)
