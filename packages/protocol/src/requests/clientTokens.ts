/** Request body of client-token minting. */
import * as z from 'zod/mini'
import { limits } from '../constants/limits.js'
import { gatewayId } from './fields.js'

/** What a client token may act on: one order, one wallet, or the opening of one personal wallet. */
export const tokenScopeTypes = ['order', 'wallet', 'wallet_opening'] as const
export type TokenScopeType = (typeof tokenScopeTypes)[number]

export const createClientTokenRequest = z.object({
  scope: z.object({ type: z.enum(tokenScopeTypes), id: gatewayId }),
  ttlSeconds: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(limits.maxClientTokenSeconds))),
})
