/**
 * Every error code the SDK or the gateway can produce. Each code has a category, which decides the
 * error class it is thrown as, the HTTP status the gateway answers with, and whether a retry can help.
 * `docs/errors.md` has one section per code; a test keeps the two in step.
 */
export const errorCodes = {
  // Input
  invalid_request: { category: 'invalid_request', status: 400, retryable: false },
  payload_too_large: { category: 'invalid_request', status: 413, retryable: false },
  malformed_json: { category: 'invalid_request', status: 400, retryable: false },
  // Authentication and permission
  authentication_failed: { category: 'authentication', status: 401, retryable: false },
  request_expired: { category: 'authentication', status: 401, retryable: false },
  request_replayed: { category: 'authentication', status: 401, retryable: false },
  unknown_key: { category: 'authentication', status: 401, retryable: false },
  token_expired: { category: 'authentication', status: 401, retryable: false },
  permission_denied: { category: 'permission', status: 403, retryable: false },
  insecure_environment: { category: 'permission', status: 0, retryable: false },
  // Resources and state
  not_found: { category: 'not_found', status: 404, retryable: false },
  conflict: { category: 'conflict', status: 409, retryable: false },
  idempotency_conflict: { category: 'conflict', status: 409, retryable: false },
  request_in_progress: { category: 'conflict', status: 409, retryable: true },
  duplicate_merchant_order_no: { category: 'conflict', status: 409, retryable: false },
  invalid_state: { category: 'conflict', status: 409, retryable: false },
  // Wallets
  wallet_closed: { category: 'conflict', status: 409, retryable: false },
  wallet_not_empty: { category: 'conflict', status: 409, retryable: false },
  identity_required: { category: 'invalid_request', status: 422, retryable: false },
  wallet_exists: { category: 'conflict', status: 409, retryable: false },
  sub_wallet_revoked: { category: 'conflict', status: 409, retryable: false },
  limit_exceeded: { category: 'limit_exceeded', status: 422, retryable: false },
  insufficient_funds: { category: 'insufficient_funds', status: 422, retryable: false },
  payment_password_incorrect: { category: 'permission', status: 403, retryable: false },
  wallet_payments_frozen: { category: 'permission', status: 403, retryable: false },
  // Payments
  payment_code_expired: { category: 'conflict', status: 409, retryable: false },
  payment_code_used: { category: 'conflict', status: 409, retryable: false },
  order_expired: { category: 'conflict', status: 409, retryable: false },
  order_not_payable: { category: 'conflict', status: 409, retryable: false },
  refund_exceeds_paid: { category: 'conflict', status: 409, retryable: false },
  refund_funding_insufficient: { category: 'conflict', status: 409, retryable: true },
  refund_window_closed: { category: 'conflict', status: 409, retryable: false },
  app_handoff_invalid: { category: 'invalid_request', status: 422, retryable: false },
  app_handoff_key_unknown: { category: 'invalid_request', status: 422, retryable: false },
  // Merchants
  merchant_not_approved: { category: 'permission', status: 403, retryable: false },
  document_missing: { category: 'invalid_request', status: 422, retryable: false },
  // Government bills (缴款码)
  bill_code_unknown: { category: 'not_found', status: 404, retryable: false },
  bill_code_expired: { category: 'conflict', status: 409, retryable: false },
  bill_agency_mismatch: { category: 'invalid_request', status: 422, retryable: false },
  bill_already_paid: { category: 'conflict', status: 409, retryable: false },
  // Transit
  gate_unknown: { category: 'permission', status: 403, retryable: false },
  trip_not_entered: { category: 'conflict', status: 409, retryable: false },
  // Campaigns
  campaign_not_active: { category: 'conflict', status: 409, retryable: false },
  budget_exhausted: { category: 'conflict', status: 409, retryable: false },
  claim_cap_reached: { category: 'conflict', status: 409, retryable: false },
  not_eligible: { category: 'conflict', status: 409, retryable: false },
  expression_syntax: { category: 'invalid_request', status: 400, retryable: false },
  points_balance_negative: { category: 'conflict', status: 409, retryable: false },
  points_insufficient: { category: 'conflict', status: 409, retryable: false },
  points_redemption_cap_reached: { category: 'conflict', status: 409, retryable: false },
  points_order_not_open: { category: 'conflict', status: 409, retryable: false },
  points_exceed_order: { category: 'conflict', status: 409, retryable: false },
  points_fund_insufficient: { category: 'conflict', status: 409, retryable: false },
  // Transport
  rate_limited: { category: 'rate_limited', status: 429, retryable: true },
  gateway_error: { category: 'gateway', status: 500, retryable: true },
  service_unavailable: { category: 'gateway', status: 503, retryable: true },
  connection_error: { category: 'connection', status: 0, retryable: true },
  timeout: { category: 'timeout', status: 0, retryable: true },
  aborted: { category: 'aborted', status: 0, retryable: false },
  signature_invalid: { category: 'signature', status: 0, retryable: false },
  invalid_response: { category: 'gateway', status: 0, retryable: false },
  unsupported_by_operator: { category: 'invalid_request', status: 0, retryable: false },
  unsupported_runtime: { category: 'invalid_request', status: 0, retryable: false },
  response_too_large: { category: 'gateway', status: 0, retryable: false },
  result_unknown: { category: 'result_unknown', status: 0, retryable: false },
  notification_replayed: { category: 'signature', status: 0, retryable: false },
  notification_in_progress: { category: 'conflict', status: 0, retryable: true },
  body_already_parsed: { category: 'invalid_request', status: 0, retryable: false },
  csv_line_too_long: { category: 'invalid_request', status: 0, retryable: false },
} as const satisfies Record<string, { category: string; status: number; retryable: boolean }>

/** A code the SDK knows. Gateways may add codes; those arrive as plain strings. */
export type EcnyErrorCode = keyof typeof errorCodes

export type EcnyErrorCategory = (typeof errorCodes)[EcnyErrorCode]['category']

/**
 * Where each code is explained by default; every URL resolves to a section of `docs/errors.md`
 * (`docs/zh/errors.md` for zh-CN). Clients take their own `docsBaseUrl` (a bank's copy of the docs).
 */
export const docsBaseUrl = 'https://ecny-sdk.dev/docs/'

export type DocsUrlOptions = {
  /** `zh-CN` links the Chinese page (`zh/errors`). Default `en`. */
  locale?: 'zh-CN' | 'en' | undefined
  /** Default `https://ecny-sdk.dev/docs/`; a trailing slash is added when missing. */
  docsBaseUrl?: string | undefined
}

/**
 * The page that explains an error code.
 *
 * @example
 * docsUrlFor('limit_exceeded') // 'https://ecny-sdk.dev/docs/errors#limit_exceeded'
 * docsUrlFor('limit_exceeded', { locale: 'zh-CN', docsBaseUrl: 'https://docs.bank.example/ecny' })
 * // 'https://docs.bank.example/ecny/zh/errors#limit_exceeded'
 */
export function docsUrlFor(code: string, options: DocsUrlOptions = {}): string {
  const base = (options.docsBaseUrl ?? docsBaseUrl).replace(/\/*$/, '/')
  return `${base}${options.locale === 'zh-CN' ? 'zh/' : ''}errors#${code}`
}

export function isKnownErrorCode(code: string): code is EcnyErrorCode {
  return Object.hasOwn(errorCodes, code)
}
