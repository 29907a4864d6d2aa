import { operations, terminalDeviceTypes } from '@ecny/protocol'
import {
  type CallOptions,
  type ConflictError,
  deviceIdSchema,
  type NotFoundError,
  type RequestErrorType,
  type ResultUnknownError,
  type Terminal,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId } from '../../internal/inputs.js'

const createTerminalParameters = z.object({
  sceneId: gatewayId('sceneId'),
  /** `04` smart POS, `09` face-pay, `10` barcode terminal, `11` auxiliary barcode terminal. */
  deviceType: z.enum(terminalDeviceTypes, {
    error:
      'deviceType must be 04 (smart POS), 09 (face-pay), 10 (barcode terminal) or 11 (auxiliary barcode terminal)',
  }),
  /** 8 letters or digits. */
  deviceId: deviceIdSchema,
})

export type CreateTerminalParameters = z.input<typeof createTerminalParameters>
export type CreateTerminalReturnType = Terminal
/** What createTerminal can throw: see each code in docs/errors.md. */
export type CreateTerminalErrorType = NotFoundError | ConflictError | ResultUnknownError | RequestErrorType

/**
 * Registers a terminal (CMB `terminalInfo`) in a scene. Pass its id as `terminalId` when creating
 * orders taken on it.
 *
 * @example
 * const till = await createTerminal(client, { sceneId: store.id, deviceType: '04', deviceId: 'POS00001' })
 */
export async function createTerminal(
  client: MerchantBaseClient,
  parameters: CreateTerminalParameters,
  options: CallOptions = {},
): Promise<CreateTerminalReturnType> {
  const { sceneId, ...body } = parseInput(createTerminalParameters, parameters, 'terminal')
  return client.request({
    ...fromOperation(operations.createTerminal, { id: sceneId }),
    body,
    ...options,
  })
}
