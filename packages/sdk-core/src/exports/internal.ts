/**
 * `@ecny/sdk-core/internal`: SDK internals shared by `@ecny/sdk-merchant` and
 * `@ecny/mock-rails`. Not a stable public API; versions move in lockstep.
 */

/** zod/mini for `@ecny/sdk-merchant`'s input schemas (one zod instance across the SDK packages). */
export * as z from 'zod/mini'
export { gatewayId } from '../actions/inputs.js'
export { type AudienceToken, tokenizeAudience } from '../campaigns/audience/tokenizeAudience.js'
// The gateway's side of campaigns: the simulator draws lotteries and checks per-wallet caps with these;
// wallet apps and campaign consoles only verify a draw (verifyLotteryDraw, public).
export {
  type DrawLotteryParameters,
  type DrawLotteryReturnType,
  drawLottery,
  LOTTERY_ALGORITHM,
} from '../campaigns/lottery/drawLottery.js'
export { sha256Hex } from '../campaigns/lottery/sha256Hex.js'
export { sortByCodePoint } from '../campaigns/lottery/sortByCodePoint.js'
export { createSeededRandom, type SeededRandom } from '../campaigns/random/createSeededRandom.js'
export { seedFromString } from '../campaigns/random/seedFromString.js'
export { mulDivFloor } from '../campaigns/rewards/mulDivFloor.js'
export {
  type WalletCaps as CampaignWalletCaps,
  type WalletUsage as CampaignWalletUsage,
  walletCapReached,
} from '../campaigns/rewards/walletCapReached.js'
export { docsUrlFor, type EcnyErrorCode, errorCodes, isKnownErrorCode } from '../errors/errorCodes.js'
export { errorFrom } from '../errors/errorFrom.js'
export { localiseMethods } from '../errors/errorLocaliser.js'
export type { ErrorMessage, MessageParams } from '../errors/errorMessage.js'
// The catalogue's messages thrown by @ecny/sdk-react (each its own export, so bundles keep only those used).
export {
  checkoutAmountInvalid,
  checkoutAmountMismatch,
  checkoutNoOrder,
  emptyClientToken,
  hookOutsideProvider,
  noClientToken,
  providerGivenCredentials,
  tokenLooksLikeKey,
} from '../errors/messagesEn.js'
export { govPaymentCodeCheckDigit } from '../ids/govPaymentCode.js'
export { isValidBankCard } from '../ids/isValidBankCard.js'
export { isValidMobile } from '../ids/isValidMobile.js'
export {
  computeResidentIdCheckChar,
  isValidResidentId,
  residentIdBirthDateProblem,
} from '../ids/isValidResidentId.js'
export { computeUsccCheckChar, isValidUscc } from '../ids/isValidUscc.js'
export { normalizeMobile } from '../ids/normalizeMobile.js'
export { type EncodeQrOptions, encodeQr, type QrErrorCorrection, type QrMatrix } from '../qr/encodeQr.js'
export { sleep } from '../transport/backoff.js'
export { bodyDigest, randomId, utf8 } from '../transport/bytes.js'
export { createGatewayKeySet, type GatewayKeySet } from '../transport/createGatewayKeySet.js'
export { fromOperation } from '../transport/fromOperation.js'
export { type PaginateParameters, paginate } from '../transport/paginate.js'
export {
  buildPath,
  type RequestParameters,
  request,
  type TransportContext,
} from '../transport/request.js'
export {
  type RequestStreamParameters,
  requestStream,
  type StreamedResponse,
} from '../transport/requestStream.js'
export { signCompact } from '../transport/signCompact.js'
export { signRequest } from '../transport/signRequest.js'
export { type GatewayClaims, verifyGatewaySignature } from '../transport/verifyGatewaySignature.js'
export { formatPath, parseInput } from '../validation/parseInput.js'
