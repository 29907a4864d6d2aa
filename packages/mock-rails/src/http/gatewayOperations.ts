import { operations } from '@ecny/protocol'
import { appHandoffOperations } from '@ecny/protocol/app-pay'
import { corporateWalletOperations } from '@ecny/protocol/corporate'
import { pointsOperations } from '@ecny/protocol/points'

/**
 * Every operation the gateway serves: the protocol's main table and the tables kept in sub-paths so
 * browser bundles stay small. The OpenAPI document and the route-table test read this one list.
 */
export const gatewayOperations = {
  ...operations,
  ...corporateWalletOperations,
  ...pointsOperations,
  ...appHandoffOperations,
}
