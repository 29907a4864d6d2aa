import { operations } from '@ecny/protocol'
import {
  type CallOptions,
  type ConflictError,
  type NotFoundError,
  positiveFenSchema,
  type QrCode,
  type RequestErrorType,
  type ResultUnknownError,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId, goodsNameSchema, merchantNumber, seconds } from '../../internal/inputs.js'

const createQrCodeParameters = z.discriminatedUnion(
  'kind',
  [
    z.object({ sceneId: gatewayId('sceneId'), kind: z.literal('static') }),
    z.object({
      sceneId: gatewayId('sceneId'),
      kind: z.literal('dynamic'),
      amount: positiveFenSchema,
      description: goodsNameSchema,
      /** The order number the code pays; default one made from the code's id. */
      merchantOrderNo: z.optional(merchantNumber('merchantOrderNo')),
      expiresInSeconds: z.optional(seconds('expiresInSeconds', 1, 7 * 86_400)),
    }),
  ],
  { error: 'kind must be static or dynamic' },
)

export type CreateQrCodeParameters = z.input<typeof createQrCodeParameters>
export type CreateQrCodeReturnType = QrCode
/** What createQrCode can throw: see each code in docs/errors.md. */
export type CreateQrCodeErrorType = NotFoundError | ConflictError | ResultUnknownError | RequestErrorType

/**
 * Creates a merchant-presented QR code for a scene: `static` (printed at the till, the payer enters
 * the amount) or `dynamic` (one payment of a fixed amount: behind it is a `qr` order, paid and
 * notified like any other). Render `payload` with `renderQrSvg` / `renderQrPng`.
 *
 * @example
 * const qr = await createQrCode(client, { sceneId, kind: 'dynamic', amount: 2_000, description: '停车费' })
 * const svg = await renderQrSvg(qr.payload)
 */
export async function createQrCode(
  client: MerchantBaseClient,
  parameters: CreateQrCodeParameters,
  options: CallOptions = {},
): Promise<CreateQrCodeReturnType> {
  const { sceneId, ...body } = parseInput(createQrCodeParameters, parameters, 'QR code')
  return client.request({
    ...fromOperation(operations.createQrCode, { id: sceneId }),
    body,
    ...options,
  })
}
