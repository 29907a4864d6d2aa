/** 缴款码 bill operations: registration (agency), lookup and payment (payer), e-bills, per-agency statements. */
import {
  checkGovEBillRequest,
  createGovBillCodeQrRequest,
  govAgencyStatementQuery,
  lookupGovBillRequest,
  payGovBillWithWalletRequest,
  registerGovBillRequest,
} from '../requests/govPaymentBills.js'
import {
  govAgencyStatement,
  govEBillList,
  govPaymentBill,
  govPaymentResult,
  signedGovEBill,
} from '../schemas/govPaymentBills.js'
import { defineOperation } from './defineOperation.js'

export const registerGovBill = defineOperation({
  name: 'registerGovBill',
  method: 'POST',
  path: '/v1/gov/payment-bills',
  summary: 'Register a bill and issue its 缴款码 (agency)',
  request: registerGovBillRequest,
  requestName: 'RegisterGovBillRequest',
  response: govPaymentBill,
  responseName: 'GovPaymentBill',
})

export const getGovPaymentBill = defineOperation({
  name: 'getGovPaymentBill',
  method: 'GET',
  path: '/v1/gov/payment-bills/{id}',
  summary: 'Get a registered bill (agency)',
  response: govPaymentBill,
  responseName: 'GovPaymentBill',
})

export const lookupGovBill = defineOperation({
  name: 'lookupGovBill',
  method: 'POST',
  path: '/v1/gov/payment-bills/lookup',
  summary: 'Look a bill up by 缴款码 and 执收单位编码 (payer name masked)',
  request: lookupGovBillRequest,
  requestName: 'LookupGovBillRequest',
  response: govPaymentBill,
  responseName: 'GovPaymentBill',
  tokenScopes: ['wallet'],
})

export const createGovBillCodeQr = defineOperation({
  name: 'createGovBillCodeQr',
  method: 'POST',
  path: '/v1/gov/payment-bills/{id}/qr',
  summary: 'Make a registered bill payable by QR (agency)',
  request: createGovBillCodeQrRequest,
  requestName: 'CreateGovBillCodeQrRequest',
  response: govPaymentBill,
  responseName: 'GovPaymentBill',
})

export const payGovBillWithWallet = defineOperation({
  name: 'payGovBillWithWallet',
  method: 'POST',
  path: '/v1/gov/payment-bills/pay',
  summary: 'Pay a bill by 缴款码 from a wallet; answers the signed e-bill',
  request: payGovBillWithWalletRequest,
  requestName: 'PayGovBillWithWalletRequest',
  response: govPaymentResult,
  responseName: 'GovPaymentResult',
  tokenScopes: ['wallet'],
})

export const listGovBillEBills = defineOperation({
  name: 'listGovBillEBills',
  method: 'GET',
  path: '/v1/gov/payment-bills/{id}/ebills',
  summary: "A registered bill's signed e-bills, one per payment (agency)",
  response: govEBillList,
  responseName: 'GovEBillList',
})

export const checkGovEBill = defineOperation({
  name: 'checkGovEBill',
  method: 'POST',
  path: '/v1/gov/ebills/check',
  summary: 'Fetch a signed e-bill by bill code, number and check code (查验)',
  request: checkGovEBillRequest,
  requestName: 'CheckGovEBillRequest',
  response: signedGovEBill,
  responseName: 'SignedGovEBill',
  tokenScopes: ['wallet'],
})

export const getGovAgencyStatement = defineOperation({
  name: 'getGovAgencyStatement',
  method: 'GET',
  path: '/v1/gov/statements',
  summary: "An agency code's payments of a day (agency)",
  query: govAgencyStatementQuery,
  response: govAgencyStatement,
  responseName: 'GovAgencyStatement',
})
