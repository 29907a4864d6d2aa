import type { ClientToken } from '@ecny/protocol'
import { operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { ConflictError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { gatewayId } from '../inputs.js'

const createClientTokenParameters = z.object({
  scope: z.object({
    type: z.enum(['wallet', 'order', 'wallet_opening'], {
      error: "scope.type must be 'wallet', 'order' or 'wallet_opening'",
    }),
    id: gatewayId('scope.id'),
  }),
  /** Lifetime: 1–900 s (15 min, the most the gateway grants). Default: the gateway's. */
  ttlSeconds: z.optional(
    z
      .number()
      .check(z.int(), z.minimum(1), z.maximum(900, { error: 'ttlSeconds must be at most 900 (15 min)' })),
  ),
})

export type CreateClientTokenParameters = z.input<typeof createClientTokenParameters>
export type CreateClientTokenReturnType = ClientToken
/** What createClientToken can throw: see each code in docs/errors.md. */
export type CreateClientTokenErrorType = ConflictError | RequestErrorType

/**
 * Server side: mints a short-lived token scoped to one wallet (or one order) for a browser or
 * mobile web page, which then calls `createClient({ clientToken })` without ever seeing your
 * private key. Requires server credentials.
 *
 * A `wallet_opening` token (its `id` is your own reference for the person) lets the page open one
 * personal wallet; from then on the same token serves that wallet.
 *
 * @example
 * // On your server, after authenticating the holder:
 * const { token, expiresAt } = await createClientToken(server, { scope: { type: 'wallet', id: walletId } })
 * // In the browser:
 * const client = createClient({ baseUrl, clientToken: token })
 * await client.wallets.balance({ walletId })
 * // A sign-up page that opens the wallet itself:
 * const signUp = await createClientToken(server, { scope: { type: 'wallet_opening', id: user.id } })
 */
export async function createClientToken(
  client: EcnyBaseClient,
  parameters: CreateClientTokenParameters,
  options: CallOptions = {},
): Promise<CreateClientTokenReturnType> {
  const body = parseInput(createClientTokenParameters, parameters)
  return client.request({ ...fromOperation(operations.createClientToken), body, ...options })
}
