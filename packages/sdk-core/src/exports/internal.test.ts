import { expect, it } from 'vitest'
import * as internal from './internal.js'

it('exports the internals shared with sdk-merchant and mock-rails (the protocol itself is @ecny/protocol)', () => {
  expect(Object.keys(internal).sort()).toMatchInlineSnapshot(`
    [
      "LOTTERY_ALGORITHM",
      "bodyDigest",
      "buildPath",
      "computeResidentIdCheckChar",
      "computeUsccCheckChar",
      "createGatewayKeySet",
      "createSeededRandom",
      "docsUrlFor",
      "drawLottery",
      "encodeQr",
      "errorCodes",
      "formatPath",
      "fromOperation",
      "gatewayId",
      "isKnownErrorCode",
      "isValidBankCard",
      "isValidMobile",
      "isValidResidentId",
      "isValidUscc",
      "mulDivFloor",
      "paginate",
      "parseInput",
      "randomId",
      "request",
      "requestStream",
      "residentIdBirthDateProblem",
      "seedFromString",
      "sha256Hex",
      "signCompact",
      "signRequest",
      "sleep",
      "sortByCodePoint",
      "tokenizeAudience",
      "utf8",
      "verifyGatewaySignature",
      "walletCapReached",
      "z",
    ]
  `)
})
