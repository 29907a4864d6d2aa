import type { Operation } from '@ecny/protocol'

type PathParameters<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? { [K in Name | keyof PathParameters<Rest>]: string }
  : Record<never, string>

type FromOperation<O extends Operation> = {
  method: O['method']
  path: string
  schema: O extends { response: infer S } ? S : undefined
}

/**
 * Method, path and response schema of a call, taken from the protocol's operation table: the path
 * template is filled with the (URL-encoded) parameters, so no action spells a path of its own.
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
  return { method: operation.method, path, schema: operation.response } as FromOperation<O>
}
