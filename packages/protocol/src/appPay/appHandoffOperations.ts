/** The hand-off operations, kept out of the main operation table so browser pages never load them. */
import { defineOperation } from '../operations/defineOperation.js'
import { appHandoff, appHandoffKey, openedAppHandoff } from './appHandoff.js'

export const getAppHandoffKey = defineOperation({
  name: 'getAppHandoffKey',
  method: 'GET',
  path: '/v1/app-handoff-key',
  summary: "The wallet operator's current key for sealing app / H5 hand-offs",
  response: appHandoffKey,
  responseName: 'AppHandoffKey',
})

export const openAppHandoff = defineOperation({
  name: 'openAppHandoff',
  method: 'POST',
  path: '/v1/app-handoffs/open',
  summary: 'Open a sealed app / H5 hand-off (wallet side)',
  request: appHandoff,
  requestName: 'AppHandoff',
  response: openedAppHandoff,
  responseName: 'OpenedAppHandoff',
  tokenScopes: ['wallet'],
})

export const appHandoffOperations = { getAppHandoffKey, openAppHandoff } as const
