/** What the transport knows about the answer behind a result, for callers who log it. */
export type ResponseMeta = {
  /** The gateway's id for the request (quote it to support). */
  requestId: string | undefined
  /** The key a POST was sent with (reuse it to retry the same call safely). */
  idempotencyKey: string | undefined
  /** Attempts it took, 1 when the first one answered. */
  attempts: number
}

const metaByResult = new WeakMap<object, ResponseMeta>()

/** Remembers a result's meta (objects only; the result itself is not changed). */
export function recordResponseMeta(result: unknown, meta: ResponseMeta): void {
  if (typeof result === 'object' && result !== null) metaByResult.set(result, meta)
}

/**
 * The request id and idempotency key behind a result the SDK returned, or `undefined` for a value
 * that did not come from the gateway.
 *
 * @example
 * const order = await merchant.orders.create({ mode: 'qr', merchantOrderNo: 'A-1', amount: 100, description: 'Tea' })
 * logger.info('order created', responseMetaOf(order)) // { requestId: 'req_…', idempotencyKey: 'idk_…', attempts: 1 }
 */
export function responseMetaOf(result: unknown): ResponseMeta | undefined {
  return typeof result === 'object' && result !== null ? metaByResult.get(result) : undefined
}
