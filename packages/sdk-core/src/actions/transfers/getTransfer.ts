import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import { type Transfer, transfer } from '../../protocol/orders.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { gatewayId, segment } from '../inputs.js'

const getTransferParameters = z.object({ transferId: gatewayId('transferId') })

export type GetTransferParameters = z.input<typeof getTransferParameters>
export type GetTransferReturnType = Transfer

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
    method: 'GET',
    path: `/v1/transfers/${segment(transferId)}`,
    schema: transfer,
    ...options,
  })
}
