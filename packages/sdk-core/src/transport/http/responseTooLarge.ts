import { GatewayError } from '../../errors/EcnyError.js'

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
  return new GatewayError(
    'response_too_large',
    `The answer from ${new URL(url).pathname} is larger than ${limit} bytes; it was not read further.`,
    {
      hint: 'Nothing in it was used. Raise maxResponseBytes if the gateway really sends answers this large; otherwise something between you and the gateway is misbehaving.',
      details: { maxResponseBytes: limit },
    },
  )
}
