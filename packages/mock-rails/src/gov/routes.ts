/**
 * Government bill routes.
 *
 * POST  /v1/gov/bills                      {sceneId, agency?, billNo, billType, payerName, amount, dueDate} → GovBill
 * GET   /v1/gov/bills/{id}                 → GovBill (paid → receipt)
 * POST  /v1/gov/bills/{id}/qr              → GovBill with an open qr order's qrPayload
 */
import { operations } from '@ecny/protocol'
import { assertMerchantAccess, field } from '../http/callerAccess.js'
import type { RouteDefinition } from '../http/routeDefinition.js'
import { assertSceneAccess } from '../merchants/sceneAccess.js'

export const govRoutes: RouteDefinition[] = [
  {
    ...operations.createGovBill,
    handle: (input) => {
      const sceneId = field(input.body, 'sceneId')
      if (typeof sceneId === 'string') assertSceneAccess(input, sceneId)
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
]
