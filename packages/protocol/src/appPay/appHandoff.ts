/**
 * The app / H5 hand-off (唤起钱包 App 支付): the order a merchant's server seals for the holder's wallet
 * app. Its fields follow the operators' in-app payment interfaces (Huawei Payment Kit's e-CNY hand-off:
 * `merchantAppId, merchantNo, acqAgtInstnId, creditorInstitutionId, encryptedKey, encryptedInfo,
 * encryptionSN`): four fields in the clear that route it, and the order itself encrypted so that only
 * the wallet operator can read it.
 */
import * as z from 'zod/mini'
import { currency, fen, timestamp, tolerantEnum } from '../schemas/common.js'
import { orderStatuses } from '../schemas/orders.js'

const field = (name: string, max: number) =>
  z
    .string({ error: `${name} must be a string` })
    .check(
      z.minLength(1, { error: `${name} must not be empty` }),
      z.maxLength(max, { error: `${name} must be at most ${max} characters` }),
    )

export const appHandoff = z.object({
  /** The merchant's app id at the gateway (the app that sealed the hand-off). */
  merchantAppId: field('merchantAppId', 64),
  /** The merchant number (`mch_…`) the order belongs to. */
  merchantNo: field('merchantNo', 64),
  /**
   * The acquiring service institution (受理服务机构) the merchant joined through; optional, as in
   * Payment Kit (required there for merchants onboarded through one).
   */
  acqAgtInstnId: z.optional(field('acqAgtInstnId', 32)),
  /** The institution that operates the merchant's receiving wallet (收款方机构). */
  creditorInstitutionId: field('creditorInstitutionId', 32),
  /** The content key, encrypted to the wallet operator's public key (base64url). */
  encryptedKey: field('encryptedKey', 512),
  /** The order info, encrypted with the content key (base64url, AES-256-GCM). */
  encryptedInfo: field('encryptedInfo', 4096),
  /** The serial of the wallet operator's key the content key was encrypted to. */
  encryptionSN: field('encryptionSN', 64),
  /**
   * Where the acquirer answers one (CMB `invokeUrl`, §4.17): the address that wakes the wallet app
   * with this hand-off. Not among the sealed fields; absent on the reference gateway.
   */
  invokeUrl: z.optional(field('invokeUrl', 256)),
})
export type AppHandoff = z.infer<typeof appHandoff>

/**
 * A hand-off an acquirer seals itself when the app order is made (CMB `ecny/unifiedOrder` with
 * `transactionType` TT03/TT04/TT13 answers its `context`), carried on the order as `appHandoff`:
 * the hand-off's fields less `merchantAppId`, which the merchant's server adds.
 */
export const operatorAppHandoff = z.looseObject({
  merchantNo: field('merchantNo', 64),
  acqAgtInstnId: z.optional(field('acqAgtInstnId', 32)),
  creditorInstitutionId: field('creditorInstitutionId', 32),
  encryptedKey: field('encryptedKey', 512),
  encryptedInfo: field('encryptedInfo', 4096),
  encryptionSN: field('encryptionSN', 64),
  invokeUrl: z.optional(field('invokeUrl', 256)),
})
export type OperatorAppHandoff = z.infer<typeof operatorAppHandoff>

/** What `encryptedInfo` holds once opened. */
export const appHandoffInfo = z.object({
  orderId: z.string(),
  merchantOrderNo: z.string(),
  amount: fen,
  currency,
  description: z.string(),
  expiresAt: timestamp,
})
export type AppHandoffInfo = z.infer<typeof appHandoffInfo>

/** The opened hand-off the wallet app shows before the holder confirms (then `payOrder`). */
export const openedAppHandoff = z.looseObject({
  orderId: z.string(),
  merchantId: z.string(),
  merchantName: z.string(),
  merchantOrderNo: z.string(),
  amount: fen,
  currency,
  description: z.string(),
  status: tolerantEnum(orderStatuses),
  expiresAt: timestamp,
})
export type OpenedAppHandoff = z.infer<typeof openedAppHandoff>

/**
 * A wallet operator's public key for hand-offs (a P-256 ECDH key as a JWK, named by its serial), with
 * the institution codes a merchant of this gateway puts in the clear fields.
 */
export const appHandoffKey = z.looseObject({
  encryptionSN: field('encryptionSN', 64),
  publicKey: z.looseObject({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string() }),
  acqAgtInstnId: z.optional(z.string()),
  creditorInstitutionId: z.optional(z.string()),
})
export type AppHandoffKey = z.infer<typeof appHandoffKey>
