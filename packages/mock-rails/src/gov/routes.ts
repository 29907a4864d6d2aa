/**
 * Government bill routes: bills numbered by the agency (the first API), then bills paid by 缴款码.
 *
 * POST  /v1/gov/bills                      {sceneId, agency?, billNo, billType, payerName, amount, dueDate} → GovBill
 * GET   /v1/gov/bills/{id}                 → GovBill (paid → receipt)
 * POST  /v1/gov/bills/{id}/qr              → GovBill with an open qr order's qrPayload
 */
import { lookupGovBillRequest, operations } from '@ecny/protocol'
import { assertMerchantAccess, field, walletScoped } from '../http/callerAccess.js'
import type { RouteDefinition } from '../http/routeDefinition.js'
import { assertSceneAccess } from '../merchants/sceneAccess.js'
import { parseParams } from '../support/parseParams.js'
import { signGovEBill } from './govEBill.js'

const agencyNumberedBillRoutes: RouteDefinition[] = [
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

/**
 * Bills paid by 缴款码 (payment code).
 *
 * POST  /v1/gov/payment-bills               register a bill, issue its 缴款码 (agency) → GovPaymentBill
 * GET   /v1/gov/payment-bills/{id}          (agency) → GovPaymentBill
 * POST  /v1/gov/payment-bills/lookup        {paymentCode, agencyCode} (any app, wallet tokens) → masked bill
 * POST  /v1/gov/payment-bills/{id}/qr       {amount?, expiresInSeconds?} (agency) → bill with qrPayload
 * POST  /v1/gov/payment-bills/pay           {paymentCode, agencyCode, walletId, amount?} → {bill, orderId, ebill}
 * GET   /v1/gov/payment-bills/{id}/ebills   (agency) → {ebills: SignedGovEBill[]}
 * POST  /v1/gov/ebills/check                {billCode, number, checkCode} (any app) → SignedGovEBill
 * GET   /v1/gov/statements?agencyCode&date  (agency) → rows per payment of that agency code
 */
export const govPaymentBillRoutes: RouteDefinition[] = [
  {
    ...operations.registerGovBill,
    handle: (input) => {
      const sceneId = field(input.body, 'sceneId')
      if (typeof sceneId === 'string') assertSceneAccess(input, sceneId)
      return input.merchants.gov.registerBill(input.body as never)
    },
  },
  {
    ...operations.getGovPaymentBill,
    handle: (input) => {
      assertMerchantAccess(input.caller, input.merchants.gov.billMerchant(input.params.id!))
      return input.merchants.gov.getBill(input.params.id!)
    },
  },
  {
    ...operations.lookupGovBill,
    tokenAccess: (scope) => scope.type === 'wallet',
    handle: (input) => input.merchants.gov.lookupBill(parseParams(lookupGovBillRequest, input.body)),
  },
  {
    ...operations.createGovBillCodeQr,
    handle: (input) => {
      assertMerchantAccess(input.caller, input.merchants.gov.billMerchant(input.params.id!))
      return input.merchants.gov.createQr(input.params.id!, input.body as never)
    },
  },
  {
    ...operations.payGovBillWithWallet,
    tokenAccess: (scope, input) => walletScoped(field(input.body, 'walletId') as string)(scope),
    handle: async (input) => {
      const paid = input.merchants.gov.payWithWallet(input.body as never)
      return { ...paid, ebill: await signGovEBill(input.keys, paid.ebill) }
    },
  },
  {
    ...operations.listGovBillEBills,
    handle: async (input) => {
      assertMerchantAccess(input.caller, input.merchants.gov.billMerchant(input.params.id!))
      const ebills = input.merchants.gov.eBills(input.params.id!)
      return { ebills: await Promise.all(ebills.map((ebill) => signGovEBill(input.keys, ebill))) }
    },
  },
  {
    ...operations.checkGovEBill,
    tokenAccess: (scope) => scope.type === 'wallet',
    handle: (input) => signGovEBill(input.keys, input.merchants.gov.checkEBill(input.body as never)),
  },
  {
    ...operations.getGovAgencyStatement,
    handle: ({ caller, merchants, query }) => {
      const mayRead = (merchantId: string) =>
        caller.kind === 'app' &&
        (caller.app.merchantIds === null || caller.app.merchantIds.includes(merchantId))
      return merchants.gov.statement(mayRead, {
        agencyCode: query.get('agencyCode') ?? '',
        date: query.get('date') ?? '',
      })
    },
  },
]

export const govRoutes: RouteDefinition[] = [...agencyNumberedBillRoutes, ...govPaymentBillRoutes]
