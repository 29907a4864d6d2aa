import type { Operation } from '@ecny/protocol'
import { expect, it } from 'vitest'
import { allRoutes } from './allRoutes.js'
import { gatewayOperations } from './gatewayOperations.js'

it('serves every operation of the protocol table, once, with the table’s own schemas', () => {
  const table: Operation[] = Object.values(gatewayOperations)
  const served = allRoutes.map((route) => route.name).sort()
  expect(served).toEqual(table.map((operation) => operation.name).sort())
  for (const route of allRoutes) {
    const operation = table.find((entry) => entry.name === route.name)!
    expect(route.method, route.name).toBe(operation.method)
    expect(route.path, route.name).toBe(operation.path)
    expect(route.request, route.name).toBe(operation.request)
    expect(route.response, route.name).toBe(operation.response)
  }
})

it('lets a client token reach only operations whose table entry names a token scope', () => {
  for (const route of allRoutes) {
    if (route.tokenAccess) expect(route.tokenScopes.length, route.name).toBeGreaterThan(0)
  }
})
