/** Query strings the gateway reads, as schemas over their string values. */
import * as z from 'zod/mini'
import { limits } from '../constants/limits.js'
import { gatewayId, merchantNumber } from './fields.js'

/** `?limit&cursor`: limit 1–100 (default 20), the cursor from the previous page. */
export const pageQuery = z.object({
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(limits.idLength))),
})

/** `GET /v1/orders?merchantOrderNo=…[&merchantId=…]`. */
export const findOrderQuery = z.object({
  merchantOrderNo: merchantNumber,
  merchantId: z.optional(gatewayId),
})

/** `?merchantId=…` where an app acts for more than one merchant. */
export const merchantQuery = z.object({ merchantId: z.optional(gatewayId) })
