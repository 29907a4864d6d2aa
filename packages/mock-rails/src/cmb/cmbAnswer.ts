import { cmbResponseText } from '@ecny/operator-cmb'
import type { CmbGatewayKeys } from './cmbGatewayKeys.js'

/** A CMB refusal the door answers with (signed, like every answer). */
export class CmbRefusal extends Error {
  override name = 'CmbRefusal'
  constructor(
    readonly errCode: string,
    message: string,
    /** `protocol`: returnCode FAIL (envelope, signature, credentials); `business`: respCode FAIL. */
    readonly level: 'protocol' | 'business' = 'business',
  ) {
    super(message)
  }
}

const headers = { 'content-type': 'application/json;charset=UTF-8' }

/** A signed success answer, slashes escaped as CMB writes them. */
export function cmbSuccess(biz: Record<string, unknown>, keys: CmbGatewayKeys): string {
  return cmbResponseText({ returnCode: 'SUCCESS', respCode: 'SUCCESS' }, biz, keys.privateKey)
}

/** A signed refusal. */
export function cmbFailure(refusal: CmbRefusal, keys: CmbGatewayKeys): string {
  const fields: Record<string, string> =
    refusal.level === 'protocol'
      ? { returnCode: 'FAIL', errCode: refusal.errCode, respMsg: refusal.message }
      : { returnCode: 'SUCCESS', respCode: 'FAIL', errCode: refusal.errCode, respMsg: refusal.message }
  return cmbResponseText(fields, undefined, keys.privateKey)
}

export function cmbResponse(text: string): Response {
  return new Response(text, { status: 200, headers })
}
