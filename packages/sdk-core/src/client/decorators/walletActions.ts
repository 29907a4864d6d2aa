import {
  type CloseWalletParameters,
  type CloseWalletReturnType,
  closeWallet,
} from '../../actions/wallets/closeWallet.js'
import {
  type GetBalanceParameters,
  type GetBalanceReturnType,
  getBalance,
} from '../../actions/wallets/getBalance.js'
import {
  type GetWalletParameters,
  type GetWalletReturnType,
  getWallet,
} from '../../actions/wallets/getWallet.js'
import {
  type GetWalletLimitsParameters,
  type GetWalletLimitsReturnType,
  getWalletLimits,
} from '../../actions/wallets/getWalletLimits.js'
import {
  type ListSubWalletsParameters,
  type ListSubWalletsReturnType,
  listSubWallets,
} from '../../actions/wallets/listSubWallets.js'
import {
  type ListWalletTransactionsParameters,
  type ListWalletTransactionsReturnType,
  listWalletTransactions,
} from '../../actions/wallets/listWalletTransactions.js'
import {
  type OpenWalletParameters,
  type OpenWalletReturnType,
  openWallet,
} from '../../actions/wallets/openWallet.js'
import {
  type PushSubWalletParameters,
  type PushSubWalletReturnType,
  pushSubWallet,
} from '../../actions/wallets/pushSubWallet.js'
import {
  type RedeemFromWalletParameters,
  type RedeemFromWalletReturnType,
  redeemFromWallet,
} from '../../actions/wallets/redeemFromWallet.js'
import {
  type RevokeSubWalletParameters,
  type RevokeSubWalletReturnType,
  revokeSubWallet,
} from '../../actions/wallets/revokeSubWallet.js'
import {
  type TopUpWalletParameters,
  type TopUpWalletReturnType,
  topUpWallet,
} from '../../actions/wallets/topUpWallet.js'
import {
  type UpgradeWalletParameters,
  type UpgradeWalletReturnType,
  upgradeWallet,
} from '../../actions/wallets/upgradeWallet.js'
import type { LimitDefaultsOverride } from '../../limits/defaultWalletLimits.js'
import type { CallOptions } from '../../transport/request.js'
import type { EcnyBaseClient } from '../createBaseClient.js'

type ReadOptions = Omit<CallOptions, 'idempotencyKey'>

export type WalletActions = {
  wallets: {
    /** Opens a personal or corporate wallet. See {@link openWallet}. */
    open: (parameters: OpenWalletParameters, options?: CallOptions) => Promise<OpenWalletReturnType>
    /** Reads a wallet. See {@link getWallet}. */
    get: (parameters: GetWalletParameters, options?: ReadOptions) => Promise<GetWalletReturnType>
    /** Reads a wallet's balance. See {@link getBalance}. */
    balance: (parameters: GetBalanceParameters, options?: ReadOptions) => Promise<GetBalanceReturnType>
    /** Reads a wallet's caps and usage. See {@link getWalletLimits}. */
    limits: (
      parameters: GetWalletLimitsParameters,
      options?: ReadOptions,
    ) => Promise<GetWalletLimitsReturnType>
    /** Raises a wallet's level. See {@link upgradeWallet}. */
    upgrade: (parameters: UpgradeWalletParameters, options?: CallOptions) => Promise<UpgradeWalletReturnType>
    /** Closes an empty wallet. See {@link closeWallet}. */
    close: (parameters: CloseWalletParameters, options?: CallOptions) => Promise<CloseWalletReturnType>
    /** Moves money in from a bank card. See {@link topUpWallet}. */
    topUp: (parameters: TopUpWalletParameters, options?: CallOptions) => Promise<TopUpWalletReturnType>
    /** Moves money out to a bank card. See {@link redeemFromWallet}. */
    redeem: (
      parameters: RedeemFromWalletParameters,
      options?: CallOptions,
    ) => Promise<RedeemFromWalletReturnType>
    /** The wallet's history as an async iterator. See {@link listWalletTransactions}. */
    transactions: (
      parameters: ListWalletTransactionsParameters,
      options?: ReadOptions,
    ) => ListWalletTransactionsReturnType
    subWallets: {
      /** Pushes a sub-wallet to a merchant app. See {@link pushSubWallet}. */
      push: (parameters: PushSubWalletParameters, options?: CallOptions) => Promise<PushSubWalletReturnType>
      /** Lists a wallet's sub-wallets. See {@link listSubWallets}. */
      list: (parameters: ListSubWalletsParameters, options?: ReadOptions) => Promise<ListSubWalletsReturnType>
      /** Revokes a sub-wallet. See {@link revokeSubWallet}. */
      revoke: (
        parameters: RevokeSubWalletParameters,
        options?: ReadOptions,
      ) => Promise<RevokeSubWalletReturnType>
    }
  }
}

export type ActionDefaults = {
  /** Caps used for pre-checks when the gateway does not report a wallet's limits. */
  limitDefaults?: LimitDefaultsOverride | undefined
}

/**
 * Binds the wallet actions to a client as `client.wallets.*`.
 *
 * @example
 * const client = { ...createBaseClient(config), ...walletActions(createBaseClient(config)) }
 * await client.wallets.balance({ walletId })
 */
export function walletActions(client: EcnyBaseClient, defaults: ActionDefaults = {}): WalletActions {
  return {
    wallets: {
      open: (parameters, options) => openWallet(client, parameters, options),
      get: (parameters, options) => getWallet(client, parameters, options),
      balance: (parameters, options) => getBalance(client, parameters, options),
      limits: (parameters, options) => getWalletLimits(client, parameters, options),
      upgrade: (parameters, options) => upgradeWallet(client, parameters, options),
      close: (parameters, options) => closeWallet(client, parameters, options),
      topUp: (parameters, options) =>
        topUpWallet(client, { limitDefaults: defaults.limitDefaults, ...parameters }, options),
      redeem: (parameters, options) => redeemFromWallet(client, parameters, options),
      transactions: (parameters, options) => listWalletTransactions(client, parameters, options),
      subWallets: {
        push: (parameters, options) => pushSubWallet(client, parameters, options),
        list: (parameters, options) => listSubWallets(client, parameters, options),
        revoke: (parameters, options) => revokeSubWallet(client, parameters, options),
      },
    },
  }
}
