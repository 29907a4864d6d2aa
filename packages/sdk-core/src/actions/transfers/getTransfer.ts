import type { Transfer } from '@ecny/protocol'
import { operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { NotFoundError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { gatewayId } from '../inputs.js'

const getTransferParameters = z.object({ transferId: gatewayId('transferId') })

export type GetTransferParameters = z.input<typeof getTransferParameters>
export type GetTransferReturnType = Transfer
/** What getTransfer can throw: see each code in docs/errors.md. */
export type GetTransferErrorType = NotFoundError | RequestErrorType

/**
 * Reads a transfer, with the campaign reward it earned if any.
 *
 * @example
 * const transfer = await getTransfer(client, { transferId })
 * transfer.reward?.granted // true
 */
export async function getTransfer(
  client: EcnyBaseClient,
  parameters: GetTransferParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<GetTransferReturnType> {
  const { transferId } = parseInput(getTransferParameters, parameters)
  return client.request({
    ...fromOperation(operations.getTransfer, { id: transferId }),
    ...options,
  })
}
