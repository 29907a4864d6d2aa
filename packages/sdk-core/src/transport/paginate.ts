import { page } from '@ecny/protocol'
import type * as z from 'zod/mini'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import type { CallOptions } from './request.js'
import type { CallLabels } from './requestHooks.js'

export type PaginateParameters<T extends z.ZodMiniType> = CallLabels & {
  path: string
  query?: Record<string, string | number | boolean | null | undefined>
  item: T
  /** Page size asked of the gateway. */
  pageSize?: number
} & Pick<CallOptions, 'signal' | 'timeoutMs' | 'maxRetries'>

/**
 * Walks a `?limit&cursor` list one page at a time, yielding items as they arrive; stop early with
 * `break` and no further page is fetched.
 *
 * @example
 * for await (const tx of listWalletTransactions(client, { walletId })) console.log(tx.amount)
 */
export async function* paginate<T extends z.ZodMiniType>(
  client: EcnyBaseClient,
  parameters: PaginateParameters<T>,
): AsyncGenerator<z.output<T>, void, undefined> {
  const schema = page(parameters.item)
  let cursor: string | null = null
  do {
    const result: z.output<typeof schema> = await client.request({
      method: 'GET',
      path: parameters.path,
      operation: parameters.operation,
      route: parameters.route,
      query: { ...parameters.query, limit: parameters.pageSize ?? 50, cursor },
      schema,
      signal: parameters.signal,
      timeoutMs: parameters.timeoutMs,
      maxRetries: parameters.maxRetries,
    })
    for (const item of result.data) yield item
    cursor = result.nextCursor
  } while (cursor)
}
