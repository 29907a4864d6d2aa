import { operations } from '@ecny/protocol'
import type { CallOptions, ConflictError, Merchant, NotFoundError, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId } from '../../internal/inputs.js'
import { merchantIdFor } from '../../internal/merchantIdFor.js'
import { allowsInvalidUscc, applicationFields } from '../../internal/merchantSchemas.js'

const schemaFor = (allowInvalidCheck: boolean) =>
  z.object({
    merchantId: z.optional(gatewayId('merchantId')),
    ...z.partial(z.object(applicationFields(allowInvalidCheck))).shape,
  })

export type UpdateMerchantApplicationParameters = z.input<ReturnType<typeof schemaFor>>
export type UpdateMerchantApplicationReturnType = Merchant
/** What updateMerchantApplication can throw: see each code in docs/errors.md. */
export type UpdateMerchantApplicationErrorType = NotFoundError | ConflictError | RequestErrorType

/**
 * Changes fields of an application that is a `draft` or was `rejected` (fix what the review named in
 * `rejections`), then submit it again with `submitMerchantApplication`. Only the fields given change.
 *
 * @example
 * const rejected = await getMerchant(client, { merchantId })
 * // rejected.rejections → [{ field: 'legalRepresentative.idNumber', reason: '…' }]
 * await updateMerchantApplication(client, {
 *   merchantId, legalRepresentative: { name: '张三', idType: 'IT01', idNumber: '110105200002291235' },
 * })
 * await submitMerchantApplication(client, { merchantId })
 */
export async function updateMerchantApplication(
  client: MerchantBaseClient,
  parameters: UpdateMerchantApplicationParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<UpdateMerchantApplicationReturnType> {
  const { merchantId: named, ...fields } = parseInput(
    schemaFor(allowsInvalidUscc(parameters)),
    parameters,
    'merchant application update',
  )
  const merchantId = merchantIdFor(client, named, true)
  return client.request({
    ...fromOperation(operations.updateMerchant, { id: merchantId }),
    body: fields,
    ...options,
  })
}
