import type { Operation } from '@ecny/protocol'

type PathParameters<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? { [K in Name | keyof PathParameters<Rest>]: string }
  : Record<never, string>

type FromOperation<O extends Operation> = {
  method: O['method']
  path: string
  schema: O extends { response: infer S } ? S : undefined
  /** The operation's name in the table, e.g. `getOrder` (for hooks and traces). */
  operation: O['name']
  /** The path template, e.g. `/v1/orders/{id}` (for hooks and traces: no ids in it). */
  route: O['path']
}

/**
 * Method, path and response schema of a call, taken from the protocol's operation table: the path
 * template is filled with the (URL-encoded) parameters, so no action spells a path of its own. The
 * operation's name and path template come along for the request hooks (`operation`, `route`).
 *
 * @example
 * client.request({ ...fromOperation(operations.getOrder, { id: orderId }), ...options })
 */
export function fromOperation<const O extends Operation>(
  operation: O,
  ...[parameters]: keyof PathParameters<O['path']> extends never ? [] : [PathParameters<O['path']>]
): FromOperation<O> {
  const values = (parameters ?? {}) as Record<string, string>
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined) throw new TypeError(`${operation.name}: missing path parameter "${name}"`)
    return encodeURIComponent(value)
  })
  return {
    method: operation.method,
    path,
    schema: operation.response,
    operation: operation.name,
    route: operation.path,
  } as FromOperation<O>
}
