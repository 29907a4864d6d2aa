import { operations } from '@ecny/protocol'
import { expect, it } from 'vitest'
import { fromOperation } from './fromOperation.js'

it('fills the path template with encoded parameters and takes the schema, name and template from the table', () => {
  const call = fromOperation(operations.getOrder, { id: 'ord/1 2' })
  expect(call).toEqual({
    method: 'GET',
    path: '/v1/orders/ord%2F1%202',
    schema: operations.getOrder.response,
    operation: 'getOrder',
    route: '/v1/orders/{id}',
  })
  expect(fromOperation(operations.createOrder).path).toBe('/v1/orders')
})

it('refuses a call that leaves a path parameter out', () => {
  expect(() => fromOperation(operations.getOrder, {} as never)).toThrow('missing path parameter "id"')
})
