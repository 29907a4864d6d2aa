import * as campaignOperations from './campaignOperations.js'
import type { Operation } from './defineOperation.js'
import * as merchantOperations from './merchantOperations.js'
import * as orderOperations from './orderOperations.js'
import * as transferOperations from './transferOperations.js'
import * as walletOperations from './walletOperations.js'

/**
 * The route table: every operation of the protocol by name. The simulator defines one handler per
 * entry (and a test checks it has exactly these), the SDK's actions take method, path and schemas
 * from here, and the OpenAPI document is generated from it.
 *
 * @example
 * import { operations } from '@ecny/protocol'
 * operations.createOrder.path // '/v1/orders'
 */
export const operations = {
  ...transferOperations,
  ...walletOperations,
  ...orderOperations,
  ...merchantOperations,
  ...campaignOperations,
} satisfies Record<string, Operation>

export type OperationName = keyof typeof operations
