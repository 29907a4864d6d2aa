import type { GatewayError } from '../../errors/EcnyError.js'
import { errorFrom } from '../../errors/errorFrom.js'
import { answerTooLarge } from '../../errors/messagesEn.js'

/** The default cap on a buffered response body: far above any gateway answer, far below a memory problem. */
export const defaultMaxResponseBytes = 16 * 1024 * 1024

/** The cap on a JWKS answer: a handful of public keys fit in a few KiB. */
export const maxJwksBytes = 64 * 1024

/**
 * The error an HTTP adapter throws when a body grows past its cap. It is thrown while reading,
 * before anything is verified or parsed, and the connection is dropped so the rest is never read.
 *
 * @example
 * if (received > limit) throw responseTooLarge(limit, url)
 */
export function responseTooLarge(limit: number, url: string): GatewayError {
  return errorFrom(
    answerTooLarge,
    { path: new URL(url).pathname, limit },
    { details: { maxResponseBytes: limit } },
  ) as GatewayError
}
