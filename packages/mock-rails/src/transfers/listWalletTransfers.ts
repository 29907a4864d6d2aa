import type { EngineContext } from '../engine/engineContext.js'
import { transferToWire } from '../engine/toWire.js'
import { getWalletRecord } from '../engine/walletGuards.js'
import { type PageParameters, pageNewestFirst } from '../support/pageNewestFirst.js'

/** Transfers a wallet sent or received, newest first. */
export function listWalletTransfers(ctx: EngineContext, walletId: string, page: PageParameters) {
  getWalletRecord(ctx, walletId)
  const ids = ctx.state.transfersByWallet.get(walletId) ?? []
  return pageNewestFirst(ids, page, (id) => transferToWire(ctx.state.transfers.get(id)!))
}
