/** Order operations: create, look up, close, reverse, pay from a wallet, and refund. */
import {
  createOrderRequest,
  createRefundRequest,
  payOrderRequest,
  resolveQrRequest,
} from '../requests/orders.js'
import { findOrderQuery } from '../requests/queries.js'
import { page } from '../schemas/common.js'
import { order, qrResolution, refund } from '../schemas/orders.js'
import { defineOperation } from './defineOperation.js'

export const createOrder = defineOperation({
  name: 'createOrder',
  method: 'POST',
  path: '/v1/orders',
  summary: 'Create an order',
  request: createOrderRequest,
  requestName: 'CreateOrderRequest',
  response: order,
  responseName: 'Order',
})

export const getOrder = defineOperation({
  name: 'getOrder',
  method: 'GET',
  path: '/v1/orders/{id}',
  summary: 'Get an order',
  response: order,
  responseName: 'Order',
  // The checkout page's order token, or the wallet token of the wallet that paid it.
  tokenScopes: ['order', 'wallet'],
})

export const findOrder = defineOperation({
  name: 'findOrder',
  method: 'GET',
  path: '/v1/orders',
  summary: 'Find an order by merchant order number',
  query: findOrderQuery,
  response: order,
  responseName: 'Order',
})

export const closeOrder = defineOperation({
  name: 'closeOrder',
  method: 'POST',
  path: '/v1/orders/{id}/close',
  summary: 'Close an unpaid order',
  response: order,
  responseName: 'Order',
})

export const cancelOrder = defineOperation({
  name: 'cancelOrder',
  method: 'POST',
  path: '/v1/orders/{id}/cancel',
  summary: 'Cancel (reverse) a paid order',
  response: order,
  responseName: 'Order',
})

export const resolveQr = defineOperation({
  name: 'resolveQr',
  method: 'POST',
  path: '/v1/qr/resolve',
  summary: 'Resolve a scanned QR payload',
  request: resolveQrRequest,
  requestName: 'ResolveQrRequest',
  response: qrResolution,
  responseName: 'QrResolution',
  tokenScopes: ['order', 'wallet'],
})

export const payOrder = defineOperation({
  name: 'payOrder',
  method: 'POST',
  path: '/v1/orders/{id}/pay',
  summary: 'Pay a QR or in-app order from a wallet',
  request: payOrderRequest,
  requestName: 'PayOrderRequest',
  response: order,
  responseName: 'Order',
  // Only the paying wallet's own token.
  tokenScopes: ['wallet'],
})

export const createRefund = defineOperation({
  name: 'createRefund',
  method: 'POST',
  path: '/v1/orders/{id}/refunds',
  summary: 'Refund a paid order',
  request: createRefundRequest,
  requestName: 'CreateRefundRequest',
  response: refund,
  responseName: 'Refund',
})

export const listRefunds = defineOperation({
  name: 'listRefunds',
  method: 'GET',
  path: '/v1/orders/{id}/refunds',
  summary: "List an order's refunds",
  response: page(refund),
  responseName: 'RefundPage',
})

export const getRefund = defineOperation({
  name: 'getRefund',
  method: 'GET',
  path: '/v1/refunds/{id}',
  summary: 'Get a refund',
  response: refund,
  responseName: 'Refund',
})
