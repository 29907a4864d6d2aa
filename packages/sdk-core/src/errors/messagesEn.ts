import type { EcnyErrorCode } from './errorCodes.js'
import type { ErrorMessage } from './errorMessage.js'

/**
 * The English half of the error message catalogue. `errorMessagesEn` says, per code, what the code
 * means and what to do (the Chinese catalogue, `messagesZhCN.ts`, has the same keys). The named
 * messages below are the texts the SDK writes at one place, with `{placeholders}` for what varies;
 * each is its own export so a bundle keeps only the ones its code can throw. An id starts with its code.
 */
export const errorMessagesEn = {
  invalid_request: {
    message: 'The request is invalid.',
    hint: 'Fix the input named in details; nothing was done.',
  },
  payload_too_large: { message: 'The request body is too large.', hint: 'Send less data per call.' },
  malformed_json: {
    message: 'The request body is not valid JSON.',
    hint: 'Send a JSON body encoded as UTF-8.',
  },
  authentication_failed: {
    message: 'The gateway could not authenticate this request.',
    hint: 'Check the app id, the private key or the client token.',
  },
  request_expired: {
    message: 'The request signature is too old or from the future.',
    hint: 'Check the clock of the machine that signs the requests.',
  },
  request_replayed: {
    message: 'This signed request was already received.',
    hint: 'Sign every attempt afresh; the SDK does this for you.',
  },
  unknown_key: {
    message: 'The gateway does not know the key this request was signed with.',
    hint: 'Register the public key for your app id, or sign with a registered key.',
  },
  token_expired: {
    message: 'The client token has expired.',
    hint: 'Mint a new client token on your server.',
  },
  permission_denied: {
    message: 'These credentials may not do this.',
    hint: 'Use credentials or a token scoped to this wallet, order or merchant.',
  },
  insecure_environment: {
    message: 'Server credentials were used where visitors can read them.',
    hint: 'Keep private keys on your server; give browsers a client token.',
  },
  not_found: {
    message: 'The gateway has no such resource.',
    hint: 'Check the id; it may belong to another app.',
  },
  conflict: {
    message: 'The request conflicts with the current state.',
    hint: 'Read the resource again and retry if it still applies.',
  },
  idempotency_conflict: {
    message: 'This idempotency key was already used for a different request.',
    hint: 'Use a new key for a new request; reuse a key only to retry the same request.',
  },
  request_in_progress: {
    message: 'A request with this idempotency key is still being processed.',
    hint: 'Wait a moment and retry with the same key.',
  },
  duplicate_merchant_order_no: {
    message: 'This merchant order number was already used.',
    hint: 'Look the existing order up, or use a new merchant order number.',
  },
  invalid_state: {
    message: 'The resource is not in a state that allows this.',
    hint: 'Read its status first.',
  },
  wallet_closed: {
    message: 'The wallet is closed.',
    hint: 'Open a new wallet; a closed wallet can still be read.',
  },
  wallet_not_empty: {
    message: 'The wallet still holds money.',
    hint: 'Redeem the balance to a bank card before closing it.',
  },
  identity_required: {
    message: 'This wallet level needs more proof of identity.',
    hint: 'Pass the identity fields the level requires (see wallet levels in the docs).',
  },
  wallet_exists: {
    message: 'A wallet of this type already exists for this person.',
    hint: 'Use the existing wallet.',
  },
  sub_wallet_revoked: { message: 'The sub-wallet was revoked.', hint: 'Push a new sub-wallet.' },
  limit_exceeded: {
    message: "The amount is over one of the wallet's limits.",
    hint: "Pay less or wait for the reset. A personal wallet's caps rise with its level; a corporate sub-wallet's are set by its company.",
  },
  insufficient_funds: {
    message: 'The wallet balance is too low.',
    hint: 'Top the wallet up first, or pay less.',
  },
  payment_password_incorrect: {
    message: 'The payment password is wrong.',
    hint: 'Ask the holder to try again (details.remainingAttempts left).',
  },
  wallet_payments_frozen: {
    message: "The wallet's payments are frozen after too many wrong passwords.",
    hint: 'Pay again after details.frozenUntil.',
  },
  payment_code_expired: {
    message: 'The payment code has expired.',
    hint: 'Ask the payer to show a fresh code.',
  },
  payment_code_used: {
    message: 'The payment code was already used.',
    hint: 'Ask the payer to show a fresh code.',
  },
  order_expired: { message: 'The order has expired.', hint: 'Create a new order.' },
  order_not_payable: {
    message: 'The order cannot be paid in its current state.',
    hint: 'Read the order: it may be paid, closed or cancelled.',
  },
  refund_exceeds_paid: {
    message: 'The refunds would be more than was paid.',
    hint: 'Refund at most what is left of the paid amount.',
  },
  refund_funding_insufficient: {
    message: "The merchant's settlement wallet cannot fund this refund yet.",
    hint: 'Retry later, or top the settlement wallet up.',
  },
  refund_window_closed: {
    message: "The order was paid too long ago to be refunded: the operator's refund window has passed.",
    hint: 'Settle it with the payer outside the gateway (for example a transfer); the window is operator-set.',
  },
  app_handoff_invalid: {
    message: 'The app hand-off could not be opened.',
    hint: "Have the merchant's server seal the order again.",
  },
  app_handoff_key_unknown: {
    message: 'The app hand-off was sealed to an unknown key.',
    hint: 'Seal it again with the current key.',
  },

  merchant_not_approved: {
    message: 'The merchant is not approved yet.',
    hint: 'Finish onboarding and wait for approval.',
  },
  document_missing: {
    message: 'A required document is missing.',
    hint: 'Upload the documents onboarding lists.',
  },
  bill_code_unknown: {
    message: 'No bill has this payment code (缴款码).',
    hint: 'Check the code on the notice, or ask the agency to issue the bill again.',
  },
  bill_code_expired: {
    message: "The bill's payment code can no longer be paid.",
    hint: 'Ask the collecting agency for a new bill.',
  },
  bill_agency_mismatch: {
    message: 'The payment code was not issued for this agency code.',
    hint: 'Enter the agency code (执收单位编码) printed next to the payment code.',
  },
  bill_already_paid: {
    message: 'The bill is already paid.',
    hint: 'Fetch its fiscal e-bill instead of paying again.',
  },
  gate_unknown: {
    message: 'The gate is not registered on this transit scene.',
    hint: "Register the gate (and its station) in the scene's settings, or fix the gate id the device sends.",
  },
  trip_not_entered: {
    message: 'The ride code has no entry to exit from.',
    hint: "The scene's rule refuses exits without an entry: send the rider to the service counter.",
  },
  campaign_not_active: { message: 'The campaign is not active.', hint: 'Check its schedule and status.' },
  budget_exhausted: {
    message: "The campaign's budget is spent.",
    hint: 'Raise the budget or end the campaign.',
  },
  claim_cap_reached: {
    message: 'This wallet has claimed as often as the campaign allows.',
    hint: 'No further claims are possible for this wallet.',
  },
  not_eligible: {
    message: 'The wallet is not eligible for this campaign.',
    hint: "Check the campaign's audience.",
  },
  expression_syntax: {
    message: 'The audience expression does not parse.',
    hint: 'Fix the expression at the position given in details.',
  },
  points_balance_negative: {
    message: 'The points balance is negative, so points cannot be redeemed.',
    hint: 'Earn points back to zero first.',
  },
  points_insufficient: { message: 'Not enough points.', hint: 'Redeem fewer points.' },
  points_redemption_cap_reached: {
    message: 'Points were redeemed as often as a day allows.',
    hint: 'Try again tomorrow.',
  },
  points_order_not_open: {
    message: 'Points can no longer be redeemed against this order.',
    hint: 'Redeem points against an open order before paying it, from the wallet that will pay.',
  },
  points_exceed_order: {
    message: 'The points are worth more than what is left of the order.',
    hint: 'Redeem fewer points (at most details.maxPoints).',
  },
  points_fund_insufficient: {
    message: "The points programme's fund cannot pay for these points now.",
    hint: 'Redeem fewer points or pay without them; the programme tops its fund up with client.campaigns.points.deposit({ amount }) (sdk-merchant).',
  },
  rate_limited: {
    message: 'Too many requests.',
    hint: 'Slow down; the SDK retries after the time the gateway asks.',
  },
  gateway_error: {
    message: 'The gateway failed.',
    hint: 'Retry later; report it with the request id if it persists.',
  },
  service_unavailable: { message: 'The gateway is unavailable.', hint: 'Retry later.' },
  connection_error: { message: 'Could not reach the gateway.', hint: 'Check baseUrl and the network.' },
  timeout: { message: 'The gateway did not answer in time.', hint: 'Raise timeoutMs or check the network.' },
  aborted: {
    message: 'The call was aborted by the caller.',
    hint: 'Call again if you still need the result.',
  },
  signature_invalid: {
    message: 'A gateway signature could not be verified.',
    hint: 'Nothing in the message was used. Check gatewayKeys and your clock.',
  },
  invalid_response: {
    message: "The gateway's answer is not what the protocol says.",
    hint: 'Upgrade the SDK, or report it with the request id.',
  },
  unsupported_by_operator: {
    message: 'This operator does not support this call.',
    hint: "See the operator's page in the docs for what it supports.",
  },
  unsupported_runtime: {
    message: 'This feature does not run on this runtime.',
    hint: 'Run it on Node, or use the alternative the docs name.',
  },
  response_too_large: {
    message: 'The answer was larger than maxResponseBytes.',
    hint: 'Raise maxResponseBytes if the gateway really sends answers this large.',
  },
  result_unknown: {
    message: 'The outcome of the call is unknown.',
    hint: 'Retry with the same idempotency key, or look the result up.',
  },
  notification_replayed: {
    message: 'This notification was already handled.',
    hint: 'Nothing to do: answer the gateway with success.',
  },
  notification_in_progress: {
    message: 'This notification is being handled by another process.',
    hint: 'Answer with a retryable failure; the gateway delivers it again.',
  },
  body_already_parsed: {
    message: 'The notification body was parsed before it was verified.',
    hint: 'Pass the raw request body (e.g. express.raw()) to the notification handler.',
  },
  csv_line_too_long: {
    message: 'A line of the statement is longer than allowed.',
    hint: 'Check the file is a statement, or raise the line limit.',
  },
} as const satisfies Record<EcnyErrorCode, { message: string; hint: string }>

// Input and configuration
export const invalidInput = {
  id: 'invalid_request/input',
  message: 'Invalid {what}: {field}: {problem}.',
  hint: 'Fix the field named above; nothing was sent to the gateway.',
} as const satisfies ErrorMessage
export const invalidInputs = {
  id: 'invalid_request/inputs',
  message: 'Invalid {what}: {field}: {problem} (and {more} more).',
  hint: 'Fix the fields listed in details.issues; nothing was sent to the gateway.',
} as const satisfies ErrorMessage
export const bothAuthConfigured = {
  id: 'invalid_request/config_both_auth',
  message: 'Invalid client config: both credentials and clientToken are set.',
  hint: 'Use credentials on servers and clientToken in browsers.',
} as const satisfies ErrorMessage
export const noAuthConfigured = {
  id: 'invalid_request/config_no_auth',
  message: 'Invalid client config: neither credentials nor clientToken is set.',
  hint: 'On a server pass credentials: { appId, privateKey }; in a browser pass clientToken.',
} as const satisfies ErrorMessage
export const emptyAppId = {
  id: 'invalid_request/config_app_id',
  message: 'Invalid client config: credentials.appId is empty.',
  hint: 'Pass the app id the gateway issued you.',
} as const satisfies ErrorMessage
export const badBaseUrl = {
  id: 'invalid_request/config_base_url',
  message: 'Invalid client config: baseUrl "{baseUrl}" is not an http(s) URL.',
  hint: 'Pass e.g. http://127.0.0.1:8787.',
} as const satisfies ErrorMessage
export const credentialsInBrowser = {
  id: 'insecure_environment/browser_credentials',
  message: 'Server credentials were passed to createClient in a browser.',
  hint: 'A private key in a browser is readable by every visitor. Mint a client token on your server (POST /v1/client-tokens) and pass clientToken instead.',
} as const satisfies ErrorMessage
export const credentialsInBrowserBuild = {
  id: 'insecure_environment/browser_build',
  message: 'Server credentials were passed to the browser build of the SDK.',
  hint: 'A private key in a browser is readable by every visitor. Mint a client token on your server (clientTokens.create) and pass clientToken instead.',
} as const satisfies ErrorMessage

// Transport
export const attemptTimedOut = {
  id: 'timeout/attempt',
  message: 'The gateway did not answer {path} within {timeoutMs} ms.',
  hint: 'Raise timeoutMs or check the network; the SDK retried where it was safe.',
} as const satisfies ErrorMessage
export const unreachable = {
  id: 'connection_error/unreachable',
  message: 'Could not reach the gateway for {path}{reason}.',
  hint: 'Check baseUrl and the network. Retried calls reuse their idempotency key, so nothing is paid twice.',
} as const satisfies ErrorMessage
export const notSent = {
  id: 'connection_error/not_sent',
  message: 'The call to {method} {path} was not sent.',
} as const satisfies ErrorMessage
export const abortedByCaller = {
  id: 'aborted/call',
  message: 'The call to {method} {path} was aborted by the caller.',
} as const satisfies ErrorMessage
export const abortedAfterSending = {
  id: 'aborted/after_sending',
  message: 'The call to {method} {path} was aborted by the caller.',
  hint: 'The gateway may have acted; retry with idempotencyKey "{idempotencyKey}" to find out without acting twice.',
} as const satisfies ErrorMessage
export const mayHaveActedHint = {
  id: 'result_unknown/may_have_acted',
  hint: 'The gateway may have acted on {method} {path}. Retry with idempotencyKey "{idempotencyKey}" (it cannot act twice) or look the result up; do not retry with a new key.',
} as const satisfies ErrorMessage
export const outcomeUnknown = {
  id: 'result_unknown/outcome',
  message: 'The outcome of {method} {path} is unknown: the gateway may or may not have acted.',
  hint: 'Retry with idempotencyKey "{idempotencyKey}" (it cannot act twice), or look it up{lookup} until it is final.',
} as const satisfies ErrorMessage
export const bodyNotJson = {
  id: 'invalid_response/not_json',
  message: 'The gateway sent a signed body that is not JSON.',
} as const satisfies ErrorMessage
export const unexpectedShape = {
  id: 'invalid_response/shape',
  message: "The gateway's response does not have the expected shape ({problem}).",
  hint: 'Upgrade @ecny/sdk-core, or report this with the request id.',
} as const satisfies ErrorMessage
export const answerTooLarge = {
  id: 'response_too_large/answer',
  message: 'The answer from {path} is larger than {limit} bytes; it was not read further.',
  hint: 'Nothing in it was used. Raise maxResponseBytes if the gateway really sends answers this large; otherwise something between you and the gateway is misbehaving.',
} as const satisfies ErrorMessage

// Wallet checks before sending
export const overBalance = {
  id: 'insufficient_funds/over_balance',
  message: "This {kind} of {amount} is more than the wallet's balance of {balance} (short by {shortfall}).",
  hint: 'Top the wallet up first, or pay less.',
} as const satisfies ErrorMessage
export const walletIsClosed = {
  id: 'wallet_closed/closed',
  message: 'This wallet is closed and cannot be used.',
  hint: 'Open a new wallet; a closed wallet can still be read.',
} as const satisfies ErrorMessage

// Corporate sub-wallets (WT10): their caps and their closing are the parent company's
export const subWalletCapExceeded = {
  id: 'limit_exceeded/corporate_sub_wallet',
  message:
    "This {kind} of {amount} would go over the sub-wallet's {cap} of {limit}, set by its company. Headroom: {headroom}.",
  hint: 'Pay less or wait for the reset, or ask the company to change the cap (updateCorporateSubWalletCaps()).',
} as const satisfies ErrorMessage
export const capsSetByCompany = {
  id: 'limit_exceeded/set_by_company',
  hint: "A corporate sub-wallet's caps are set by its company, not by a wallet level: ask the company to change them (updateCorporateSubWalletCaps()).",
} as const satisfies ErrorMessage
export const subWalletIsClosed = {
  id: 'wallet_closed/corporate_sub_wallet',
  message: 'This corporate sub-wallet was closed by its company and cannot be used.',
  hint: 'Its statement can still be read. The company opens a new one with openCorporateSubWallet().',
} as const satisfies ErrorMessage

// Browser pages (sdk-react)
export const hookOutsideProvider = {
  id: 'invalid_request/outside_provider',
  message: 'An e-CNY hook was used outside <EcnyProvider>.',
  hint: 'Wrap the component tree that uses e-CNY hooks in <EcnyProvider baseUrl clientToken>.',
} as const satisfies ErrorMessage
export const providerGivenCredentials = {
  id: 'insecure_environment/provider_credentials',
  message: '<EcnyProvider> was given {prop}: server credentials never belong in a browser.',
  hint: 'Mint a short-lived client token on your server (createClientToken) and pass it as clientToken.',
} as const satisfies ErrorMessage
export const tokenLooksLikeKey = {
  id: 'insecure_environment/token_is_key',
  message: '{what} looks like a private key, not a client token.',
  hint: 'Private keys stay on your server. Mint a short-lived client token there (createClientToken) and pass that.',
} as const satisfies ErrorMessage
export const noClientToken = {
  id: 'authentication_failed/no_token',
  message: 'No client token: this request has nothing to authenticate with.',
  hint: 'Pass clientToken to <EcnyProvider> (a token or a function that fetches one from your backend).',
} as const satisfies ErrorMessage
export const emptyClientToken = {
  id: 'authentication_failed/empty_token',
  message: 'The client token source returned no token.',
  hint: 'Return the `token` (or the whole result) of createClientToken from your token endpoint.',
} as const satisfies ErrorMessage
export const checkoutAmountInvalid = {
  id: 'invalid_request/checkout_amount',
  message: 'Invalid request: amount: {amount} is not a positive whole number of fen.',
  hint: 'Pass the amount in fen (parseYuan("12.34") → 1234).',
} as const satisfies ErrorMessage
export const checkoutNoOrder = {
  id: 'invalid_response/checkout_no_order',
  message: 'createOrder returned no order: orderId and qrPayload are required.',
  hint: 'Return { orderId, qrPayload, amount, expiresAt, clientToken } from the order your backend created.',
} as const satisfies ErrorMessage
export const checkoutAmountMismatch = {
  id: 'invalid_response/checkout_amount',
  message: 'Order {orderId} is for {received}, not the ¥{asked} this page asked for.',
  hint: 'The order was not shown for payment. Create orders for exactly the amount the page sends (in fen).',
} as const satisfies ErrorMessage
