import { type Operation, operations } from '@ecny/protocol'

/** A reference-protocol call as the merchant SDK's actions make it. */
export type ReferenceCall = {
  method: string
  /** The filled-in path, e.g. `/v1/orders/ord_1/close` (no query). */
  path: string
  query?: Record<string, string | number | boolean | null | undefined> | undefined
  body?: unknown
}

export type MatchedOperation = { name: string; params: Record<string, string> }

const compiled = Object.values(operations as Record<string, Operation>).map((operation) => {
  const names: string[] = []
  const pattern = operation.path
    .split(/\{(\w+)\}/)
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      names.push(part)
      return '([^/]+)'
    })
    .join('')
  return { operation, names, regex: new RegExp(`^${pattern}$`) }
})

/**
 * Which operation of the protocol table a call is, with its path parameters decoded; `undefined`
 * if none (the caller reports it as unsupported).
 *
 * @example
 * matchOperation({ method: 'POST', path: '/v1/orders/A-1/close' })
 * // { name: 'closeOrder', params: { id: 'A-1' } }
 */
export function matchOperation(call: ReferenceCall): MatchedOperation | undefined {
  const method = call.method.toUpperCase()
  for (const { operation, names, regex } of compiled) {
    if (operation.method !== method) continue
    const m = regex.exec(call.path)
    if (!m) continue
    const params: Record<string, string> = {}
    names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1]!)
    })
    return { name: operation.name, params }
  }
  return undefined
}
