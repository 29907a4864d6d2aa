/**
 * Merchant routes: applications, their documents and review, scenes, terminals, QR codes.
 *
 * POST  /v1/merchants                      {legalName, uscc, allowInvalidUsccCheck?, mcc, legalRepresentative
 *                                          {name, idType IT01…IT14|IT99, idNumber}, contactMobile,
 *                                          settlementWalletId, notifyUrl?} → Merchant (draft). A USCC whose
 *                                          check character fails is 400 unless allowInvalidUsccCheck.
 * PATCH /v1/merchants/{id}                 any of those fields → Merchant (draft again); draft or rejected only
 * POST  /v1/merchants/{id}/documents       {type, contentType (jpeg|png|pdf), size ≤ 716800, sha256 (hex),
 *                                          content? (base64, checked against size and sha256)} → Document
 * POST  /v1/merchants/{id}/submit          → Merchant approved, or rejected with rejections[{field, reason}]
 * GET   /v1/merchants/{id}                 → Merchant (personal data masked)
 * POST  /v1/merchants/{id}/scenes          {kind retail|transit|government|utility, name, areaCode, settings} → Scene
 * POST  /v1/scenes/{id}/terminals          {deviceType 04|09|10|11, deviceId (8)} → Terminal
 * POST  /v1/scenes/{id}/qr-codes           {kind: static} | {kind: dynamic, amount, description, …} → QrCode
 */
import { operations } from '@ecny/protocol'
import { assertMerchantAccess } from '../http/callerAccess.js'
import type { RouteDefinition, RouteInput } from '../http/routeDefinition.js'
import { assertSceneAccess } from './sceneAccess.js'

/** The merchant in the path, after checking the calling app may act for it. */
function pathMerchant(input: RouteInput): string {
  const merchantId = input.params.id!
  assertMerchantAccess(input.caller, merchantId)
  return merchantId
}

export const merchantRoutes: RouteDefinition[] = [
  {
    ...operations.createMerchant,
    handle: (input) => {
      const created = input.merchants.createApplication(input.body as never)
      // An app restricted to some merchants may act for the applications it starts.
      if (input.caller.kind === 'app' && input.caller.app.merchantIds !== null)
        input.caller.app.merchantIds.push(created.id)
      return created
    },
  },
  {
    ...operations.updateMerchant,
    handle: (input) => input.merchants.updateApplication(pathMerchant(input), input.body as never),
  },
  {
    ...operations.getMerchant,
    handle: (input) => input.merchants.getMerchant(pathMerchant(input)),
  },
  {
    ...operations.uploadDocument,
    handle: (input) => input.merchants.uploadDocument(pathMerchant(input), input.body as never),
  },
  {
    ...operations.submitMerchant,
    handle: (input) => input.merchants.submitApplication(pathMerchant(input)),
  },
  {
    ...operations.createScene,
    handle: (input) => input.merchants.createScene(pathMerchant(input), input.body as never),
  },
  {
    ...operations.createTerminal,
    handle: (input) => {
      assertSceneAccess(input, input.params.id!)
      return input.merchants.createTerminal(input.params.id!, input.body as never)
    },
  },
  {
    ...operations.createQrCode,
    handle: (input) => {
      assertSceneAccess(input, input.params.id!)
      return input.merchants.createQrCode(input.params.id!, input.body as never)
    },
  },
]
