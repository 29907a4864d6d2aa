import type {
  AbortedError,
  AuthenticationError,
  ConnectionError,
  EcnyError,
  GatewayError,
  InvalidRequestError,
  PermissionError,
  RateLimitError,
  SignatureError,
  TimeoutError,
} from './EcnyError.js'

/**
 * What any call to the gateway can throw, whatever the action: the input refused before sending,
 * the network, the gateway's signature, its credentials and limits, a caller's abort. Each action's
 * `XErrorType` adds the errors its own operation can end in (`NotFoundError`, `ConflictError` …).
 * Branch on `error.code`; the classes make `instanceof` checks and exhaustive handling possible.
 */
export type RequestErrorType =
  | InvalidRequestError
  | AuthenticationError
  | PermissionError
  | RateLimitError
  | GatewayError
  | ConnectionError
  | TimeoutError
  | AbortedError
  | SignatureError
  | EcnyError
