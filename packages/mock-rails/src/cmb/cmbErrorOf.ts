import type { RailsError } from '../support/railsError.js'

/** The CMB `errCode` the door answers for an engine refusal (the SDK maps it back, see operator-cmb). */
const byRailsCode: Record<string, string> = {
  invalid_request: 'PARAM_ERROR',
  not_found: 'ORDER_NOT_EXIST',
  duplicate_merchant_order_no: 'ORDERID_DUPLICATE',
  invalid_state: 'ORDER_STATUS_ERROR',
  order_not_payable: 'ORDER_CLOSED',
  order_expired: 'ORDER_EXPIRED',
  payment_code_expired: 'AUTHCODE_EXPIRE',
  payment_code_used: 'AUTHCODE_USED',
  insufficient_funds: 'BALANCE_NOT_ENOUGH',
  limit_exceeded: 'AMOUNT_LIMIT',
  refund_exceeds_paid: 'REFUND_AMT_OVER',
  refund_funding_insufficient: 'MCH_FORWARD_AMOUNT_LESS',
  // CMB's own code for a refund past its window is not in the published spec: a status refusal.
  refund_window_closed: 'ORDER_STATUS_ERROR',
  merchant_not_approved: 'MER_NOT_EXIST',
  permission_denied: 'MER_NOT_EXIST',
}

/** `errCode` for an engine error; anything unexpected is CMB's "outcome unknown" `SYSTERM_ERROR`. */
export function cmbErrorOf(error: RailsError): string {
  return byRailsCode[error.code] ?? 'SYSTERM_ERROR'
}
