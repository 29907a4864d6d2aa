import { type CreateClientTokenParameters, createClientToken, type EcnyClient } from '@ecny/sdk-core'

/**
 * What a backend does for its page: mints a client token for one scope and returns the token string.
 *
 * @example
 * const token = await scopedToken(backend, { type: 'wallet', id: walletId }, 600)
 */
export async function scopedToken(
  backend: EcnyClient,
  scope: CreateClientTokenParameters['scope'],
  ttlSeconds?: number,
): Promise<string> {
  const minted = await createClientToken(
    backend,
    ttlSeconds === undefined ? { scope } : { scope, ttlSeconds },
  )
  return minted.token
}
