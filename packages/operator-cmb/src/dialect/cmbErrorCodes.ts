import type { EcnyErrorCode } from '@ecny/sdk-core/internal'

/**
 * CMB's `errCode`s and our stable codes for them. CMB's `SYSTERM_ERROR` (sic) is not here: it means
 * the outcome is unknown (§2.2 items 9–10), see {@link isCmbOutcomeUnknown}. A code not listed is a
 * definite failure and becomes `conflict`; the operator's code is always kept in `details.operatorCode`.
 */
export const cmbErrorCodes = {
  PARAM_ERROR: 'invalid_request',
  PARAMS_ERROR: 'invalid_request',
  SIGN_ERROR: 'authentication_failed',
  APISIGN_ERROR: 'authentication_failed',
  APPID_ERROR: 'authentication_failed',
  MER_NOT_EXIST: 'permission_denied',
  MCH_NOT_EXIST: 'permission_denied',
  ORDER_NOT_EXIST: 'not_found',
  ORDERID_NOT_EXIST: 'not_found',
  REFUND_NOT_EXIST: 'not_found',
  ORDERID_DUPLICATE: 'duplicate_merchant_order_no',
  ORDER_STATUS_ERROR: 'invalid_state',
  ORDER_PAID: 'invalid_state',
  ORDER_CLOSED: 'order_not_payable',
  CANCEL_NOT_ALLOWED: 'invalid_state',
  ORDER_EXPIRED: 'order_expired',
  AUTHCODE_EXPIRE: 'payment_code_expired',
  AUTHCODE_USED: 'payment_code_used',
  BALANCE_NOT_ENOUGH: 'insufficient_funds',
  AMOUNT_LIMIT: 'limit_exceeded',
  REFUND_AMT_OVER: 'refund_exceeds_paid',
  MCH_FORWARD_AMOUNT_LESS: 'refund_funding_insufficient',
  MCH_EXSRFN_AMOUNT_LESS: 'refund_funding_insufficient',
} as const satisfies Record<string, EcnyErrorCode>

export type CmbErrorCode = keyof typeof cmbErrorCodes | 'SYSTERM_ERROR'

/** CMB's "internal error, outcome unknown: query until final" (spelled `SYSTERM_ERROR` in the spec). */
export function isCmbOutcomeUnknown(errCode: unknown): boolean {
  return errCode === 'SYSTERM_ERROR' || errCode === 'SYSTEM_ERROR'
}

/**
 * Our code for a CMB `errCode`.
 *
 * @example
 * ecnyCodeFor('MCH_FORWARD_AMOUNT_LESS') // 'refund_funding_insufficient'
 */
export function ecnyCodeFor(errCode: unknown): EcnyErrorCode {
  return typeof errCode === 'string' && Object.hasOwn(cmbErrorCodes, errCode)
    ? cmbErrorCodes[errCode as keyof typeof cmbErrorCodes]
    : 'conflict'
}
