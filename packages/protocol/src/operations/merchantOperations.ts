/** Merchant operations: onboarding, scenes and terminals, QR codes, government bills, transit, statements. */
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
} from '../requests/merchants.js'
import { merchantQuery } from '../requests/queries.js'
import {
  govBill,
  merchant,
  merchantDocument,
  qrCode,
  scene,
  tapBatch,
  terminal,
} from '../schemas/merchants.js'
import { defineOperation } from './defineOperation.js'

export const createMerchant = defineOperation({
  name: 'createMerchant',
  method: 'POST',
  path: '/v1/merchants',
  summary: 'Start a merchant application',
  request: createMerchantRequest,
  requestName: 'CreateMerchantRequest',
  response: merchant,
  responseName: 'Merchant',
})

export const updateMerchant = defineOperation({
  name: 'updateMerchant',
  method: 'PATCH',
  path: '/v1/merchants/{id}',
  summary: 'Change a draft or rejected application',
  request: updateMerchantRequest,
  requestName: 'UpdateMerchantRequest',
  response: merchant,
  responseName: 'Merchant',
})

export const getMerchant = defineOperation({
  name: 'getMerchant',
  method: 'GET',
  path: '/v1/merchants/{id}',
  summary: 'Get a merchant or application',
  response: merchant,
  responseName: 'Merchant',
})

export const uploadDocument = defineOperation({
  name: 'uploadDocument',
  method: 'POST',
  path: '/v1/merchants/{id}/documents',
  summary: 'Upload an application document',
  request: uploadDocumentRequest,
  requestName: 'UploadDocumentRequest',
  response: merchantDocument,
  responseName: 'MerchantDocument',
})

export const submitMerchant = defineOperation({
  name: 'submitMerchant',
  method: 'POST',
  path: '/v1/merchants/{id}/submit',
  summary: 'Submit an application for review',
  response: merchant,
  responseName: 'Merchant',
})

export const createScene = defineOperation({
  name: 'createScene',
  method: 'POST',
  path: '/v1/merchants/{id}/scenes',
  summary: 'Register a payment scene',
  request: createSceneRequest,
  requestName: 'CreateSceneRequest',
  response: scene,
  responseName: 'Scene',
})

export const createTerminal = defineOperation({
  name: 'createTerminal',
  method: 'POST',
  path: '/v1/scenes/{id}/terminals',
  summary: 'Register a terminal in a scene',
  request: createTerminalRequest,
  requestName: 'CreateTerminalRequest',
  response: terminal,
  responseName: 'Terminal',
})

export const createQrCode = defineOperation({
  name: 'createQrCode',
  method: 'POST',
  path: '/v1/scenes/{id}/qr-codes',
  summary: 'Create a static or dynamic QR code',
  request: createQrCodeRequest,
  requestName: 'CreateQrCodeRequest',
  response: qrCode,
  responseName: 'QrCode',
})

export const createGovBill = defineOperation({
  name: 'createGovBill',
  method: 'POST',
  path: '/v1/gov/bills',
  summary: 'Issue a government bill',
  request: createGovBillRequest,
  requestName: 'CreateGovBillRequest',
  response: govBill,
  responseName: 'GovBill',
})

export const getGovBill = defineOperation({
  name: 'getGovBill',
  method: 'GET',
  path: '/v1/gov/bills/{id}',
  summary: 'Get a government bill',
  response: govBill,
  responseName: 'GovBill',
})

export const createGovBillQr = defineOperation({
  name: 'createGovBillQr',
  method: 'POST',
  path: '/v1/gov/bills/{id}/qr',
  summary: 'Make a government bill payable by QR',
  request: payGovBillRequest,
  requestName: 'PayGovBillRequest',
  response: govBill,
  responseName: 'GovBill',
})

export const uploadTapBatch = defineOperation({
  name: 'uploadTapBatch',
  method: 'POST',
  path: '/v1/transit/tap-batches',
  summary: 'Upload offline transit taps for deferred debit',
  request: tapBatchRequest,
  requestName: 'TapBatchRequest',
  response: tapBatch,
  responseName: 'TapBatch',
})

export const getStatement = defineOperation({
  name: 'getStatement',
  method: 'GET',
  path: '/v1/statements/{date}',
  summary: "A merchant's daily statement (CSV)",
  query: merchantQuery,
  rawContentType: 'text/csv; charset=utf-8',
})
