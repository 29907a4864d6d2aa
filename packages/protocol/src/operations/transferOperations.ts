/** Transfers between wallets, and client tokens for browsers. */
import { createClientTokenRequest } from '../requests/clientTokens.js'
import { createTransferRequest } from '../requests/transfers.js'
import { clientToken, transfer } from '../schemas/orders.js'
import { defineOperation } from './defineOperation.js'

export const createTransfer = defineOperation({
  name: 'createTransfer',
  method: 'POST',
  path: '/v1/transfers',
  summary: 'Transfer between wallets',
  request: createTransferRequest,
  requestName: 'CreateTransferRequest',
  response: transfer,
  responseName: 'Transfer',
  tokenScopes: ['wallet'],
})

export const getTransfer = defineOperation({
  name: 'getTransfer',
  method: 'GET',
  path: '/v1/transfers/{id}',
  summary: 'Get a transfer',
  response: transfer,
  responseName: 'Transfer',
  tokenScopes: ['wallet'],
})

export const createClientToken = defineOperation({
  name: 'createClientToken',
  method: 'POST',
  path: '/v1/client-tokens',
  summary: 'Mint a client token for a browser',
  request: createClientTokenRequest,
  requestName: 'CreateClientTokenRequest',
  response: clientToken,
  responseName: 'ClientToken',
})
