import { createSm2Verifier, type Sm2Verifier } from '../createSm2Verifier.js'
import { buildCmbRequest, type CmbHttpRequest } from './buildCmbRequest.js'
import { buildCmbAck, type CmbAck } from './cmbAck.js'
import { type CmbCall, cmbCallFor } from './cmbCallFor.js'
import { type CmbConfigInput, parseCmbConfig } from './cmbConfig.js'
import { type CmbNotification, parseCmbNotification } from './cmbNotification.js'
import { formatCmbTime } from './cmbTime.js'
import { type CmbDecoded, type CmbHttpResponse, decodeCmbResponse } from './decodeCmbResponse.js'
import { matchOperation, type ReferenceCall } from './matchOperation.js'
import { unsupportedByOperator } from './unsupported.js'

/**
 * What the one transport needs from an operator: turn a reference-protocol call into the operator's
 * HTTP request (per attempt), and its HTTP answer into the reference value or an error.
 */
export type OperatorCodec = {
  operator: string
  encode(call: ReferenceCall, now: number): CmbHttpRequest
  decode(call: ReferenceCall, response: CmbHttpResponse, now: number): CmbDecoded
}

export type CmbOperator = {
  name: 'cmb'
  /** The resolved host (test, production, or your base URL) and merchant number. */
  origin: string
  merId: string
  codec: OperatorCodec
  /** Verifies a form-encoded notification with CMB's key, then reads it (see `parseCmbNotification`). */
  parseNotification(body: string | Uint8Array, now?: number): CmbNotification
  /** The signed SUCCESS acknowledgement to answer a notification with. */
  ack(): CmbAck
}

function cmbCall(config: ReturnType<typeof parseCmbConfig>, call: ReferenceCall, now: number) {
  const matched = matchOperation(call)
  if (!matched) throw unsupportedByOperator('cmb', `${call.method} ${call.path}`)
  const cmbRequest: CmbCall & { hints: Record<string, string | undefined> } = {
    ...cmbCallFor(config, matched, call, now),
    hints: {},
  }
  const body = (call.body ?? {}) as Record<string, unknown>
  if (cmbRequest.operation === 'createOrder')
    cmbRequest.hints = {
      mode: typeof body.mode === 'string' ? body.mode : undefined,
      description: typeof body.description === 'string' ? body.description : undefined,
    }
  if (cmbRequest.operation === 'createRefund' || cmbRequest.operation === 'getRefund')
    cmbRequest.hints = {
      origOrderId: cmbRequest.operation === 'createRefund' ? matched.params.id : undefined,
    }
  if (cmbRequest.operation === 'getStatement') cmbRequest.hints = { date: matched.params.date }
  return cmbRequest
}

/**
 * The CMB 聚合收单 operator for `createMerchantClient({ operator: cmb({...}) })`: the same merchant
 * surface (QR, customer-code and sub-wallet payments, smart-contract payments, query, close,
 * reversal, refunds, the statement, notifications) spoken as CMB's signed SM2 envelope. The config is
 * checked now (`invalid_request` naming the field); CMB's key is prepared once for all verifications.
 *
 * | config | CMB credential |
 * |---|---|
 * | `appId`, `secret` | APP ID / APP SECRET (header `appid`, `apisign`) |
 * | `merId` | 商户号 |
 * | `userId` | 收银员 (optional) |
 * | `privateKey` | your SM2 private key (hex) |
 * | `gatewayPublicKey` | CMB's SM2 public key (base64) |
 *
 * @example
 * const client = createMerchantClient({
 *   operator: cmb({
 *     appId: process.env.CMB_APP_ID!, secret: process.env.CMB_SECRET!, merId: process.env.CMB_MER_ID!,
 *     privateKey: process.env.CMB_PRIVATE_KEY!, gatewayPublicKey: process.env.CMB_PUBLIC_KEY!,
 *     environment: 'test',
 *   }),
 * })
 */
export function cmb(input: CmbConfigInput): CmbOperator {
  const config = parseCmbConfig(input)
  const verify: Sm2Verifier = createSm2Verifier(config.gatewayPublicKey, { userId: config.sm2UserId })
  const nowIso = (now: number) => `${formatCmbTime(now, 'iso')}+08:00`
  return {
    name: 'cmb',
    origin: config.origin,
    merId: config.merId,
    codec: {
      operator: 'cmb',
      encode: (call, now) => buildCmbRequest(config, cmbCall(config, call, now), now),
      decode: (call, response, now) =>
        decodeCmbResponse(cmbCall(config, call, now), response, verify, nowIso(now)),
    },
    parseNotification: (body, now) => parseCmbNotification(body, verify, now),
    ack: () => buildCmbAck(config.privateKey, config.sm2UserId),
  }
}
