import { setOfflineCapRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import type { MerchantContext } from '../merchants/merchantContext.js'
import { parseParams } from '../support/parseParams.js'
import { formatTimestamp } from '../support/shanghaiTime.js'
import { transitStateOf } from './transitState.js'

/**
 * `POST /v1/wallets/{id}/offline-cap`: the holder sets the hardware wallet's offline cap while it is
 * online — the largest offline payment and how many offline payments it may make before it must go
 * online again (at most ¥500 and 10, the defaults; finextra 2023) — and reports its counter, from
 * which the next offline payments count.
 */
export function setOfflineCap(
  mc: MerchantContext,
  walletId: string,
  input: z.input<typeof setOfflineCapRequest>,
) {
  const params = parseParams(setOfflineCapRequest, input)
  mc.engine.getWallet(walletId)
  const record = {
    single: params.single,
    count: params.count,
    onlineCounter: params.counter,
    updatedAt: mc.now(),
  }
  transitStateOf(mc.ctx.state).offlineCaps.set(walletId, record)
  return { walletId, ...record, updatedAt: formatTimestamp(record.updatedAt) }
}
