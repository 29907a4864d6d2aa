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
import { operations } from '@ecny/protocol'
import { type RouteDefinition, type RouteInput, rawResponse } from '../http/routeDefinition.js'
import { assertMerchantAccess, merchantFor } from '../http/routes/callerAccess.js'
import { RailsError } from '../support/railsError.js'

/** The merchant in the path, after checking the calling app may act for it. */
function pathMerchant(input: RouteInput): string {
  const merchantId = input.params.id!
  assertMerchantAccess(input.caller, merchantId)
  return merchantId
}

function sceneMerchant(input: RouteInput, sceneId: string): void {
  assertMerchantAccess(input.caller, input.merchants.sceneMerchant(sceneId))
}

const bodyField = (body: unknown, name: string) =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined

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
      sceneMerchant(input, input.params.id!)
      return input.merchants.createTerminal(input.params.id!, input.body as never)
    },
  },
  {
    ...operations.createQrCode,
    handle: (input) => {
      sceneMerchant(input, input.params.id!)
      return input.merchants.createQrCode(input.params.id!, input.body as never)
    },
  },
  {
    ...operations.createGovBill,
    handle: (input) => {
      const sceneId = bodyField(input.body, 'sceneId')
      if (typeof sceneId === 'string') sceneMerchant(input, sceneId)
      return input.merchants.createGovBill(input.body as never)
    },
  },
  {
    ...operations.getGovBill,
    handle: (input) => {
      assertMerchantAccess(input.caller, input.merchants.billMerchant(input.params.id!))
      return input.merchants.getGovBill(input.params.id!)
    },
  },
  {
    ...operations.createGovBillQr,
    handle: (input) => {
      assertMerchantAccess(input.caller, input.merchants.billMerchant(input.params.id!))
      return input.merchants.payGovBillByQr(input.params.id!, input.body as never)
    },
  },
  {
    ...operations.uploadTapBatch,
    handle: (input) => {
      const sceneId = bodyField(input.body, 'sceneId')
      if (typeof sceneId === 'string') sceneMerchant(input, sceneId)
      return input.merchants.uploadTapBatch(input.body as never)
    },
  },
  {
    ...operations.getStatement,
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
        body: input.merchants.statement(merchantId, date),
        headers: { 'content-disposition': `attachment; filename="statement-${date}.csv"` },
      })
    },
  },
]
