import {
  type CreateTransferParameters,
  type CreateTransferReturnType,
  createTransfer,
} from '../../actions/transfers/createTransfer.js'
import {
  type GetTransferParameters,
  type GetTransferReturnType,
  getTransfer,
} from '../../actions/transfers/getTransfer.js'
import {
  type ListTransfersParameters,
  type ListTransfersReturnType,
  listTransfers,
} from '../../actions/transfers/listTransfers.js'
import type { CallOptions } from '../../transport/request.js'
import type { EcnyBaseClient } from '../createBaseClient.js'
import type { ActionDefaults } from './walletActions.js'

export type TransferActions = {
  transfers: {
    /** Sends money to another wallet, pre-checking limits. See {@link createTransfer}. */
    create: (parameters: CreateTransferParameters, options?: CallOptions) => Promise<CreateTransferReturnType>
    /** Reads a transfer. See {@link getTransfer}. */
    get: (
      parameters: GetTransferParameters,
      options?: Omit<CallOptions, 'idempotencyKey'>,
    ) => Promise<GetTransferReturnType>
    /** A wallet's transfers as an async iterator. See {@link listTransfers}. */
    list: (
      parameters: ListTransfersParameters,
      options?: Omit<CallOptions, 'idempotencyKey'>,
    ) => ListTransfersReturnType
  }
}

/**
 * Binds the transfer actions to a client as `client.transfers.*`.
 *
 * @example
 * const { transfers } = transferActions(createBaseClient(config))
 * await transfers.create({ fromWalletId, toWalletId, amount: 8_800 })
 */
export function transferActions(client: EcnyBaseClient, defaults: ActionDefaults = {}): TransferActions {
  return {
    transfers: {
      create: (parameters, options) =>
        createTransfer(client, { limitDefaults: defaults.limitDefaults, ...parameters }, options),
      get: (parameters, options) => getTransfer(client, parameters, options),
      list: (parameters, options) => listTransfers(client, parameters, options),
    },
  }
}
