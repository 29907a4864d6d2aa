import { type OperatorAppHandoff, operatorAppHandoff } from '@ecny/protocol/app-pay'
import { createEcnyError } from '@ecny/sdk-core'
import { z } from '@ecny/sdk-core/internal'

/** How each field of CMB's §4.17 `context` (and `invokeUrl`) lands in the SDK's hand-off. */
export const cmbAppHandoffFields = {
  mrchntNo: 'merchantNo',
  cdtrPtyId: 'creditorInstitutionId',
  encryptKey: 'encryptedKey',
  encryptInfo: 'encryptedInfo',
  ncrptnSN: 'encryptionSN',
  invokeUrl: 'invokeUrl',
} as const

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)

/** `context` as CMB types it (an object), or as a JSON string inside `biz_content`. */
function contextOf(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value)
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
        return parsed as Record<string, unknown>
    } catch {
      // falls through to the empty context, reported below
    }
    return {}
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

/**
 * The hand-off CMB seals for an app order (§4.17, `transactionType` TT03/TT04/TT13): its `context`
 * (`cdtrPtyId`, `mrchntNo`, `encryptKey`, `encryptInfo`, `ncrptnSN`) and `invokeUrl`, renamed to the
 * SDK's hand-off fields ({@link cmbAppHandoffFields}). CMB marks the encrypted fields and the serial
 * optional; without them there is no hand-off to give the wallet app, so that answer is
 * `invalid_response` naming what is missing (and `invokeUrl`, when CMB sent one).
 *
 * @example
 * appHandoffFromCmb({ context: { cdtrPtyId, mrchntNo, encryptKey, encryptInfo, ncrptnSN }, invokeUrl })
 * // { merchantNo: mrchntNo, creditorInstitutionId: cdtrPtyId, encryptedKey: encryptKey, … }
 */
export function appHandoffFromCmb(biz: Record<string, unknown>): OperatorAppHandoff {
  const context = contextOf(biz.context)
  const fields: Record<string, string> = {}
  for (const [cmbName, ours] of Object.entries(cmbAppHandoffFields)) {
    const value = text(cmbName === 'invokeUrl' ? biz.invokeUrl : context[cmbName])
    if (value !== undefined) fields[ours] = value
  }
  const parsed = z.safeParse(operatorAppHandoff, fields)
  if (parsed.success) return parsed.data
  const missing = Object.entries(cmbAppHandoffFields)
    .filter(([cmbName, ours]) => cmbName !== 'invokeUrl' && fields[ours] === undefined)
    .map(([cmbName]) => cmbName)
  throw createEcnyError(
    'invalid_response',
    missing.length > 0
      ? `CMB answered the app order without ${missing.join(', ')} in its context: there is no hand-off for the wallet app.`
      : `CMB's app order context does not fit the hand-off (${parsed.error.issues[0]?.message}).`,
    {
      hint: 'Query the order (it exists at CMB); report it to CMB with the order number.',
      details: {
        operator: 'cmb',
        missing,
        ...(fields.invokeUrl !== undefined && { invokeUrl: fields.invokeUrl }),
      },
    },
  )
}
