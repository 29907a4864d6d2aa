/**
 * `@ecny/sdk-core/internal`: the protocol contract shared by `@ecny/sdk-merchant` and
 * `@ecny/mock-rails`. Not a stable public API; versions move in lockstep.
 */

export { docsUrlFor, type EcnyErrorCode, errorCodes, isKnownErrorCode } from '../errors/errorCodes.js'
export { isValidResidentId, residentIdBirthDateProblem } from '../ids/isValidResidentId.js'
export { computeUsccCheckChar, isValidUscc } from '../ids/isValidUscc.js'
export * from '../protocol/common.js'
export * from '../protocol/merchants.js'
export * from '../protocol/notifications.js'
export * from '../protocol/orders.js'
export * from '../protocol/statements.js'
export * from '../protocol/wallets.js'
export { bodyDigest, randomId, utf8 } from '../transport/bytes.js'
export { createGatewayKeySet, type GatewayKeySet } from '../transport/createGatewayKeySet.js'
export { type PaginateParameters, paginate } from '../transport/paginate.js'
export {
  buildPath,
  type RequestParameters,
  request,
  responseSignatureType,
  type TransportContext,
} from '../transport/request.js'
export {
  type RequestStreamParameters,
  requestStream,
  type StreamedResponse,
} from '../transport/requestStream.js'
export { signCompact } from '../transport/signCompact.js'
export { requestSignatureType, signRequest } from '../transport/signRequest.js'
export { type GatewayClaims, verifyGatewaySignature } from '../transport/verifyGatewaySignature.js'
export { formatPath, parseInput } from '../validation/parseInput.js'
