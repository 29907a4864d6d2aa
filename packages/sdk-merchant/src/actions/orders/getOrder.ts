// One implementation, in sdk-core: reading an order is the same call on both sides.
export { type GetOrderParameters, type GetOrderReturnType, getOrder } from '@ecny/sdk-core'
