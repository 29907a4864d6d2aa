import { operations } from '@ecny/protocol'
import type { CallOptions, Merchant, NotFoundError, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId } from '../../internal/inputs.js'
import { merchantIdFor } from '../../internal/merchantIdFor.js'

const getMerchantParameters = z.object({ merchantId: z.optional(gatewayId('merchantId')) })

export type GetMerchantParameters = z.input<typeof getMerchantParameters>
export type GetMerchantReturnType = Merchant
/** What getMerchant can throw: see each code in docs/errors.md. */
export type GetMerchantErrorType = NotFoundError | RequestErrorType

/**
 * Reads a merchant or application: `status` (`draft`, `submitted`, `approved`, `rejected`), its
 * documents, and the review's field-level `rejections`. Personal data comes back masked.
 *
 * @example
 * const { status, rejections } = await getMerchant(client, { merchantId })
 */
export async function getMerchant(
  client: MerchantBaseClient,
  parameters: GetMerchantParameters = {},
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<GetMerchantReturnType> {
  const input = parseInput(getMerchantParameters, parameters)
  const merchantId = merchantIdFor(client, input.merchantId, true)
  return client.request({
    ...fromOperation(operations.getMerchant, { id: merchantId }),
    ...options,
  })
}
