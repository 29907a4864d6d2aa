import { operations } from '@ecny/protocol'
import type {
  CallOptions,
  ConflictError,
  Merchant,
  NotFoundError,
  RequestErrorType,
  ResultUnknownError,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId } from '../../internal/inputs.js'
import { merchantIdFor } from '../../internal/merchantIdFor.js'

const submitMerchantApplicationParameters = z.object({ merchantId: z.optional(gatewayId('merchantId')) })

export type SubmitMerchantApplicationParameters = z.input<typeof submitMerchantApplicationParameters>
export type SubmitMerchantApplicationReturnType = Merchant
/** What submitMerchantApplication can throw: see each code in docs/errors.md. */
export type SubmitMerchantApplicationErrorType =
  | NotFoundError
  | ConflictError
  | ResultUnknownError
  | RequestErrorType

/**
 * Sends an application (new, or fixed after a rejection) to review. The result is `approved`, or
 * `rejected` with field-level `rejections` (`{ field, reason }`: a USCC check character, an ID number
 * whose birth date cannot exist, a missing document, a settlement account name that is not the
 * licence name…). The outcome also arrives as a `merchant.approved` / `merchant.rejected`
 * notification. A sandbox review is immediate; a real one may leave it `submitted` for a while.
 *
 * @example
 * const reviewed = await submitMerchantApplication(client, { merchantId })
 * if (reviewed.status === 'rejected') for (const r of reviewed.rejections) console.log(r.field, r.reason)
 */
export async function submitMerchantApplication(
  client: MerchantBaseClient,
  parameters: SubmitMerchantApplicationParameters = {},
  options: CallOptions = {},
): Promise<SubmitMerchantApplicationReturnType> {
  const input = parseInput(submitMerchantApplicationParameters, parameters)
  const merchantId = merchantIdFor(client, input.merchantId, true)
  return client.request({
    ...fromOperation(operations.submitMerchant, { id: merchantId }),
    body: {},
    ...options,
  })
}
