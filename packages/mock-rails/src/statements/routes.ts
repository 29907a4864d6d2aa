/**
 * Statement routes.
 *
 * GET   /v1/statements/{date}              ?merchantId → statement CSV (see statementCsv)
 */
import { operations } from '@ecny/protocol'
import { assertMerchantAccess, merchantFor } from '../http/callerAccess.js'
import { type RouteDefinition, rawResponse } from '../http/routeDefinition.js'
import { RailsError } from '../support/railsError.js'

export const statementRoutes: RouteDefinition[] = [
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
