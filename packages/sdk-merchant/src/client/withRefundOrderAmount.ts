import { operations } from '@ecny/protocol'
import type { EcnyBaseClient } from '@ecny/sdk-core'
import { fromOperation } from '@ecny/sdk-core/internal'

const refundPath = /^\/v1\/orders\/([^/]+)\/refunds$/

/**
 * For operators that want a refund to name the order's original amount (CMB's `txnAmt`): a refund
 * call without `orderAmount` first reads the order (through the same transport) and adds it. Other
 * calls pass through untouched.
 *
 * @example
 * const base = withRefundOrderAmount(createBaseClient({ operator: cmb({...}) }))
 */
export function withRefundOrderAmount<C extends EcnyBaseClient>(client: C): C {
  return {
    ...client,
    async request(parameters) {
      const match = parameters.method === 'POST' ? refundPath.exec(parameters.path) : null
      const body = parameters.body as Record<string, unknown> | undefined
      if (!match || body === undefined || body.orderAmount !== undefined) return client.request(parameters)
      const order = await client.request({
        ...fromOperation(operations.getOrder, { id: decodeURIComponent(match[1]!) }),
        signal: parameters.signal,
        timeoutMs: parameters.timeoutMs,
        maxRetries: parameters.maxRetries,
      })
      return client.request({ ...parameters, body: { ...body, orderAmount: order.amount } })
    },
  }
}
