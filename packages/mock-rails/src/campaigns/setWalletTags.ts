import { setWalletTagsRequest } from '@ecny/protocol'
import { walletToWire } from '../engine/toWire.js'
import { getWalletRecord } from '../engine/walletGuards.js'
import { parseParams } from '../support/parseParams.js'
import type { CampaignContext } from './campaignContext.js'

/** `POST /v1/wallets/{id}/tags`: replaces a wallet's customer tags (what audience expressions match). */
export function setWalletTags(cc: CampaignContext, walletId: string, input: { tags: string[] }) {
  const { tags } = parseParams(setWalletTagsRequest, input)
  const wallet = getWalletRecord(cc.ctx, walletId)
  wallet.tags = [...new Set(tags)]
  return walletToWire(wallet)
}
