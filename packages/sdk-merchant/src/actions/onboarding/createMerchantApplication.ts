import { operations } from '@ecny/protocol'
import type {
  CallOptions,
  ConflictError,
  Merchant,
  RequestErrorType,
  ResultUnknownError,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { allowsInvalidUscc, applicationFields } from '../../internal/merchantSchemas.js'

const schemaFor = (allowInvalidCheck: boolean) => z.object(applicationFields(allowInvalidCheck))

export type CreateMerchantApplicationParameters = z.input<ReturnType<typeof schemaFor>>
export type CreateMerchantApplicationReturnType = Merchant
/** What createMerchantApplication can throw: see each code in docs/errors.md. */
export type CreateMerchantApplicationErrorType = ConflictError | ResultUnknownError | RequestErrorType

/**
 * Starts a merchant application (`draft`): the entity (legal name, USCC), its legal representative
 * (name, ID type `IT01`…`IT99`, ID number), a contact mobile, the MCC, and the corporate (WT09)
 * settlement wallet. Everything is checked locally first: a USCC whose check character is wrong is an
 * `invalid_request` unless you pass `allowInvalidUsccCheck: true` for a code that is registered
 * anyway (the review may still reject it). Then upload documents and submit.
 *
 * @example
 * const application = await createMerchantApplication(client, {
 *   legalName: '北京示例餐饮有限公司',
 *   uscc: '91110108MA0000001D',
 *   mcc: '5812',
 *   legalRepresentative: { name: '张三', idType: 'IT01', idNumber: '110105200002291235' },
 *   contactMobile: '13812341234',
 *   settlementWalletId: corporateWallet.id,
 * })
 */
export async function createMerchantApplication(
  client: MerchantBaseClient,
  parameters: CreateMerchantApplicationParameters,
  options: CallOptions = {},
): Promise<CreateMerchantApplicationReturnType> {
  const input = parseInput(schemaFor(allowsInvalidUscc(parameters)), parameters, 'merchant application')
  return client.request({ ...fromOperation(operations.createMerchant), body: input, ...options })
}
