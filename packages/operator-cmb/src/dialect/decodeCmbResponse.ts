import { createEcnyError, type EcnyError } from '@ecny/sdk-core'
import type { Sm2Verifier } from '../createSm2Verifier.js'
import { appHandoffFromCmb } from './appHandoffFromCmb.js'
import type { CmbCall } from './cmbCallFor.js'
import { ecnyCodeFor, isCmbOutcomeUnknown } from './cmbErrorCodes.js'
import { orderFromCmb, refundFromCmb, statementFromCmb } from './fromCmb.js'
import { parseBizContent, readReceivedFields } from './receivedFields.js'
import { assertCmbSignature } from './verifyReceived.js'

/** An HTTP answer as the transport has it. */
export type CmbHttpResponse = { status: number; body: Uint8Array | string }

/**
 * The outcome of one CMB answer: the reference-protocol value, or an error. `maybeCommitted` says
 * CMB may have acted although it reported failure (`SYSTERM_ERROR`, a 5xx): the transport then
 * retries and, for a POST, ends in `result_unknown`.
 */
export type CmbDecoded =
  | { ok: true; data: unknown }
  | { ok: false; error: EcnyError; maybeCommitted: boolean }

const isWrite = (operation: CmbCall['operation']) =>
  operation === 'createOrder' ||
  operation === 'closeOrder' ||
  operation === 'cancelOrder' ||
  operation === 'createRefund'

/**
 * Decodes a CMB answer: the signature is checked over the **received text** (fields read as they
 * stand, `\/` escapes kept; never re-serialised) before anything is parsed; then `returnCode` /
 * `respCode` decide, and a success is mapped to the reference shape (an `Order`, a `Refund`, the
 * statement's location; an app order also carries `appHandoff`, CMB's §4.17 context renamed). Throws `signature_invalid` for a bad or missing signature.
 *
 * @example
 * const decoded = decodeCmbResponse(call, { status: 200, body: text }, verifyCmb, context)
 * if (decoded.ok) return decoded.data
 */
export function decodeCmbResponse(
  call: CmbCall & { hints?: { mode?: string; description?: string; origOrderId?: string; date?: string } },
  response: CmbHttpResponse,
  verify: Sm2Verifier,
  nowIso: string,
): CmbDecoded {
  const what = `the ${call.endpoint} answer`
  if (response.status >= 500 || response.status === 429) {
    const code = response.status === 429 ? 'rate_limited' : 'gateway_error'
    return {
      ok: false,
      maybeCommitted: response.status >= 500 && isWrite(call.operation),
      error: createEcnyError(code, `CMB answered HTTP ${response.status} to ${call.endpoint}.`, {
        status: response.status,
        hint: 'Retried where safe; if it stays, query the order by its merchant order number.',
      }),
    }
  }
  if (response.status < 200 || response.status >= 300) {
    // CMB answers every business outcome in a signed 200; anything else never reached it properly.
    return {
      ok: false,
      maybeCommitted: false,
      error: createEcnyError(
        'invalid_response',
        `CMB answered HTTP ${response.status} to ${call.endpoint}.`,
        {
          status: response.status,
          retryable: false,
          hint: 'Check environment (the host) and the endpoint; nothing was applied.',
        },
      ),
    }
  }
  const text = typeof response.body === 'string' ? response.body : new TextDecoder().decode(response.body)
  const fields = assertCmbSignature(() => readReceivedFields(text), verify, what)
  const errCode = fields.errCode
  const failed = fields.returnCode !== 'SUCCESS' || fields.respCode !== 'SUCCESS'
  if (failed) {
    const details = {
      operator: 'cmb',
      operatorCode: errCode ?? fields.respCode ?? fields.returnCode,
      endpoint: call.endpoint,
    }
    const message = fields.respMsg
      ? `CMB: ${fields.respMsg}`
      : `CMB refused ${call.endpoint} (${details.operatorCode}).`
    if (isCmbOutcomeUnknown(errCode) || (fields.returnCode !== 'SUCCESS' && fields.returnCode !== 'FAIL')) {
      return {
        ok: false,
        maybeCommitted: isWrite(call.operation),
        error: createEcnyError('gateway_error', message, {
          retryable: true,
          details,
          hint: 'CMB does not know the outcome yet: query it by the merchant order number until it is final.',
        }),
      }
    }
    return {
      ok: false,
      maybeCommitted: false,
      error: createEcnyError(ecnyCodeFor(errCode), message, { details }),
    }
  }
  const biz = parseBizContent(fields.biz_content)
  const hints = call.hints ?? {}
  switch (call.operation) {
    case 'createRefund':
    case 'getRefund':
      return { ok: true, data: refundFromCmb(biz, nowIso, hints.origOrderId) }
    case 'getStatement':
      return { ok: true, data: statementFromCmb(biz, hints.date ?? '') }
    case 'closeOrder':
      return { ok: true, data: orderFromCmb({ ...biz, tradeState: biz.tradeState ?? 'C' }, {}, nowIso) }
    case 'cancelOrder':
      return { ok: true, data: orderFromCmb({ ...biz, tradeState: biz.tradeState ?? 'D' }, {}, nowIso) }
    default: {
      const order = orderFromCmb(biz, { mode: hints.mode as never, description: hints.description }, nowIso)
      // An app order's answer carries the hand-off CMB sealed for the wallet app (§4.17 context).
      if (call.operation === 'createOrder' && hints.mode === 'app')
        return { ok: true, data: { ...order, appHandoff: appHandoffFromCmb(biz) } }
      return { ok: true, data: order }
    }
  }
}
