/**
 * Merchant domain routes.
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
 * POST  /v1/gov/bills                      {sceneId, agency?, billNo, billType, payerName, amount, dueDate} → GovBill
 * GET   /v1/gov/bills/{id}                 → GovBill (paid → receipt)
 * POST  /v1/gov/bills/{id}/qr              → GovBill with an open qr order's qrPayload
 * POST  /v1/transit/tap-batches            {sceneId, taps[{walletId, counter, amount, tappedAt, gateId}] ≤ 500}
 *                                          → TapBatch (a result per tap: debited | duplicate | failed)
 * GET   /v1/statements/{date}              ?merchantId → statement CSV (see statementCsv)
 */
import { govBill, merchant, qrCode, scene, tapBatch, terminal } from '@ecny/sdk-core/internal'
import { type RouteDefinition, type RouteInput, rawResponse } from '../http/routeDefinition.js'
import { assertMerchantAccess, merchantFor } from '../http/routes/callerAccess.js'
import { RailsError } from '../support/railsError.js'
import { merchantDomainOf } from './merchantDomain.js'
import {
  createGovBillRequest,
  createMerchantRequest,
  createQrCodeRequest,
  createSceneRequest,
  createTerminalRequest,
  payGovBillRequest,
  tapBatchRequest,
  updateMerchantRequest,
  uploadDocumentRequest,
} from './merchantRequests.js'

const domain = (input: RouteInput) => merchantDomainOf(input.engine)

/** The merchant in the path, after checking the calling app may act for it. */
function pathMerchant(input: RouteInput): string {
  const merchantId = input.params.id!
  assertMerchantAccess(input.caller, merchantId)
  return merchantId
}

function sceneMerchant(input: RouteInput, sceneId: string): void {
  assertMerchantAccess(input.caller, domain(input).sceneMerchant(sceneId))
}

const bodyField = (body: unknown, name: string) =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined

export const merchantRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/v1/merchants',
    summary: 'Start a merchant application',
    request: createMerchantRequest,
    response: merchant,
    handle: (input) => {
      const created = domain(input).createApplication(input.body as never)
      // An app restricted to some merchants may act for the applications it starts.
      if (input.caller.kind === 'app' && input.caller.app.merchantIds !== null)
        input.caller.app.merchantIds.push(created.id)
      return created
    },
  },
  {
    method: 'PATCH',
    path: '/v1/merchants/{id}',
    summary: 'Change a draft or rejected application',
    request: updateMerchantRequest,
    response: merchant,
    handle: (input) => domain(input).updateApplication(pathMerchant(input), input.body as never),
  },
  {
    method: 'GET',
    path: '/v1/merchants/{id}',
    summary: 'Get a merchant or application',
    response: merchant,
    handle: (input) => domain(input).getMerchant(pathMerchant(input)),
  },
  {
    method: 'POST',
    path: '/v1/merchants/{id}/documents',
    summary: 'Upload an application document',
    request: uploadDocumentRequest,
    handle: (input) => domain(input).uploadDocument(pathMerchant(input), input.body as never),
  },
  {
    method: 'POST',
    path: '/v1/merchants/{id}/submit',
    summary: 'Submit an application for review',
    response: merchant,
    handle: (input) => domain(input).submitApplication(pathMerchant(input)),
  },
  {
    method: 'POST',
    path: '/v1/merchants/{id}/scenes',
    summary: 'Register a payment scene',
    request: createSceneRequest,
    response: scene,
    handle: (input) => domain(input).createScene(pathMerchant(input), input.body as never),
  },
  {
    method: 'POST',
    path: '/v1/scenes/{id}/terminals',
    summary: 'Register a terminal in a scene',
    request: createTerminalRequest,
    response: terminal,
    handle: (input) => {
      sceneMerchant(input, input.params.id!)
      return domain(input).createTerminal(input.params.id!, input.body as never)
    },
  },
  {
    method: 'POST',
    path: '/v1/scenes/{id}/qr-codes',
    summary: 'Create a static or dynamic QR code',
    request: createQrCodeRequest,
    response: qrCode,
    handle: (input) => {
      sceneMerchant(input, input.params.id!)
      return domain(input).createQrCode(input.params.id!, input.body as never)
    },
  },
  {
    method: 'POST',
    path: '/v1/gov/bills',
    summary: 'Issue a government bill',
    request: createGovBillRequest,
    response: govBill,
    handle: (input) => {
      const sceneId = bodyField(input.body, 'sceneId')
      if (typeof sceneId === 'string') sceneMerchant(input, sceneId)
      return domain(input).createGovBill(input.body as never)
    },
  },
  {
    method: 'GET',
    path: '/v1/gov/bills/{id}',
    summary: 'Get a government bill',
    response: govBill,
    handle: (input) => {
      assertMerchantAccess(input.caller, domain(input).billMerchant(input.params.id!))
      return domain(input).getGovBill(input.params.id!)
    },
  },
  {
    method: 'POST',
    path: '/v1/gov/bills/{id}/qr',
    summary: 'Make a government bill payable by QR',
    request: payGovBillRequest,
    response: govBill,
    handle: (input) => {
      assertMerchantAccess(input.caller, domain(input).billMerchant(input.params.id!))
      return domain(input).payGovBillByQr(input.params.id!, input.body as never)
    },
  },
  {
    method: 'POST',
    path: '/v1/transit/tap-batches',
    summary: 'Upload offline transit taps for deferred debit',
    request: tapBatchRequest,
    response: tapBatch,
    handle: (input) => {
      const sceneId = bodyField(input.body, 'sceneId')
      if (typeof sceneId === 'string') sceneMerchant(input, sceneId)
      return domain(input).uploadTapBatch(input.body as never)
    },
  },
  {
    method: 'GET',
    path: '/v1/statements/{date}',
    summary: "A merchant's daily statement (CSV)",
    rawContentType: 'text/csv; charset=utf-8',
    handle: (input) => {
      const merchantId = merchantFor(input.caller, input.query.get('merchantId'))
      if (!merchantId) {
        throw new RailsError(
          'invalid_request',
          'Invalid request: merchantId: required unless the app acts for one merchant.',
          {
            issues: [{ path: 'merchantId', message: 'required' }],
          },
        )
      }
      assertMerchantAccess(input.caller, merchantId)
      const date = input.params.date!
      return rawResponse({
        contentType: 'text/csv; charset=utf-8',
        body: domain(input).statement(merchantId, date),
        headers: { 'content-disposition': `attachment; filename="statement-${date}.csv"` },
      })
    },
  },
]
