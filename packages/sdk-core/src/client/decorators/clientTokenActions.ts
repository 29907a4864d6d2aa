import {
  type CreateClientTokenParameters,
  type CreateClientTokenReturnType,
  createClientToken,
} from '../../actions/clientTokens/createClientToken.js'
import type { CallOptions } from '../../transport/request.js'
import type { EcnyBaseClient } from '../createBaseClient.js'

export type ClientTokenActions = {
  clientTokens: {
    /** Server side: mints a wallet- or order-scoped browser token. See {@link createClientToken}. */
    create: (
      parameters: CreateClientTokenParameters,
      options?: CallOptions,
    ) => Promise<CreateClientTokenReturnType>
  }
}

/**
 * Binds `createClientToken` to a client as `client.clientTokens.create`.
 *
 * @example
 * const { clientTokens } = clientTokenActions(createBaseClient({ credentials }))
 * const { token } = await clientTokens.create({ scope: { type: 'wallet', id: walletId } })
 */
export function clientTokenActions(client: EcnyBaseClient): ClientTokenActions {
  return {
    clientTokens: {
      create: (parameters, options) => createClientToken(client, parameters, options),
    },
  }
}
