import { localiseMethods } from '../errors/errorLocaliser.js'
import type { LimitDefaultsOverride } from '../limits/defaultWalletLimits.js'
import type { ClientConfig } from './config.js'
import { createBaseClient, type EcnyBaseClient } from './createBaseClient.js'
import { type CampaignActions, campaignActions } from './decorators/campaignActions.js'
import { type ClientTokenActions, clientTokenActions } from './decorators/clientTokenActions.js'
import { type WalletGovActions, walletGovActions } from './decorators/govActions.js'
import { type PaymentActions, paymentActions } from './decorators/paymentActions.js'
import { type TransferActions, transferActions } from './decorators/transferActions.js'
import { type WalletActions, walletActions } from './decorators/walletActions.js'

export type CreateClientConfig = ClientConfig & {
  /**
   * Caps (fen) for pre-checks when the gateway does not report a wallet's limits, overriding the
   * SDK's default table level by level, e.g. your operator's WL03 caps.
   */
  limitDefaults?: LimitDefaultsOverride
}

/** The wallet-side client: the base transport plus `wallets`, `payments`, `transfers`, `campaigns`, `gov`. */
export type EcnyClient = EcnyBaseClient &
  WalletActions &
  PaymentActions &
  TransferActions &
  CampaignActions &
  ClientTokenActions &
  WalletGovActions

/**
 * Creates the wallet-side client. On a server pass `credentials` (Node only); in a browser pass a
 * `clientToken` minted by your server. Every action is also a standalone function
 * (`getBalance(client, …)`) for the smallest bundles.
 *
 * @example
 * const client = createClient({ baseUrl: sandbox.url, credentials: sandbox.credentials })
 * const wallet = await client.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13812341234' })
 * await client.wallets.topUp({ walletId: wallet.id, amount: 50_000, bankCard: '6222020000000007' })
 * const { available } = await client.wallets.balance({ walletId: wallet.id })
 */
export function createClient(config: CreateClientConfig): EcnyClient {
  const { limitDefaults, ...clientConfig } = config
  const base = createBaseClient(clientConfig)
  const defaults = { limitDefaults }
  // Input refused before sending is thrown by the actions themselves: they speak the locale too.
  return localiseMethods(
    {
      ...base,
      ...walletActions(base, defaults),
      ...paymentActions(base, defaults),
      ...transferActions(base, defaults),
      ...campaignActions(base),
      ...clientTokenActions(base),
      ...walletGovActions(base, clientConfig),
    },
    clientConfig,
  )
}
