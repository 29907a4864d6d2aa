import { cancelOrder } from '../orders/cancelOrder.js'
import { closeOrder } from '../orders/closeOrder.js'
import { type CreateOrderParameters, createOrder } from '../orders/createOrder.js'
import { type CreateRefundParameters, createRefund } from '../orders/createRefund.js'
import { expireDueOrders } from '../orders/expireDueOrders.js'
import { findOrderByMerchantOrderNo } from '../orders/findOrderByMerchantOrderNo.js'
import { getOrder } from '../orders/getOrder.js'
import { getRefund } from '../orders/getRefund.js'
import { listRefunds } from '../orders/listRefunds.js'
import { payOrder } from '../orders/payOrder.js'
import { resolveQr } from '../orders/resolveQr.js'
import type { PageParameters } from '../support/pageNewestFirst.js'
import { notFound } from '../support/railsError.js'
import { type CreateTransferParameters, createTransfer } from '../transfers/createTransfer.js'
import { getTransfer } from '../transfers/getTransfer.js'
import { listWalletTransfers } from '../transfers/listWalletTransfers.js'
import { closeWallet } from '../wallets/closeWallet.js'
import {
  type CloseCorporateSubWalletParameters,
  closeCorporateSubWallet,
} from '../wallets/corporate/closeCorporateSubWallet.js'
import { listCorporateSubWallets } from '../wallets/corporate/listCorporateSubWallets.js'
import {
  type CorporateFundsMovementParameters,
  moveCorporateFunds,
} from '../wallets/corporate/moveCorporateFunds.js'
import {
  type OpenCorporateSubWalletParameters,
  openCorporateSubWallet,
} from '../wallets/corporate/openCorporateSubWallet.js'
import {
  type UpdateCorporateSubWalletCapsParameters,
  updateCorporateSubWalletCaps,
} from '../wallets/corporate/updateCorporateSubWalletCaps.js'
import { createPaymentCode } from '../wallets/createPaymentCode.js'
import { type CreateSubWalletParameters, createSubWallet } from '../wallets/createSubWallet.js'
import { listSubWallets } from '../wallets/listSubWallets.js'
import { type OpenWalletParameters, openWallet } from '../wallets/openWallet.js'
import { getBalance, getLimits, getWallet, listTransactions } from '../wallets/readWallet.js'
import { redeemFromWallet } from '../wallets/redeemFromWallet.js'
import { revokeSubWallet } from '../wallets/revokeSubWallet.js'
import type { BankMovementParameters } from '../wallets/topUpWallet.js'
import { topUpWallet } from '../wallets/topUpWallet.js'
import { type UpgradeWalletParameters, upgradeWallet } from '../wallets/upgradeWallet.js'
import type { EngineContext } from './engineContext.js'
import { merchantOwningWallet } from './merchantGuards.js'
import { type SeedMerchantParameters, seedMerchant } from './seedMerchant.js'
import { merchantToWire } from './toWire.js'

/**
 * The engine as methods: every operation of the rails, synchronous, returning protocol-shaped JSON
 * and throwing `RailsError` with the code the HTTP door would answer. No signatures, no JSON round
 * trips: the fast path for in-process tests and benchmarks.
 */
export function createEngine(ctx: EngineContext) {
  return {
    openWallet: (params: OpenWalletParameters) => openWallet(ctx, params),
    getWallet: (walletId: string) => getWallet(ctx, walletId),
    getBalance: (walletId: string) => getBalance(ctx, walletId),
    getLimits: (walletId: string) => getLimits(ctx, walletId),
    upgradeWallet: (walletId: string, params: UpgradeWalletParameters) =>
      upgradeWallet(ctx, walletId, params),
    closeWallet: (walletId: string) => closeWallet(ctx, walletId),
    topUp: (walletId: string, params: BankMovementParameters) => topUpWallet(ctx, walletId, params),
    redeem: (walletId: string, params: BankMovementParameters) => redeemFromWallet(ctx, walletId, params),
    listTransactions: (walletId: string, page: PageParameters = {}) => listTransactions(ctx, walletId, page),
    createSubWallet: (walletId: string, params: CreateSubWalletParameters) =>
      createSubWallet(ctx, walletId, params),
    listSubWallets: (walletId: string) => listSubWallets(ctx, walletId),
    revokeSubWallet: (subWalletId: string) => revokeSubWallet(ctx, subWalletId),
    createPaymentCode: (walletId: string) => createPaymentCode(ctx, walletId),
    openCorporateSubWallet: (walletId: string, params: OpenCorporateSubWalletParameters) =>
      openCorporateSubWallet(ctx, walletId, params),
    listCorporateSubWallets: (walletId: string) => listCorporateSubWallets(ctx, walletId),
    allocateToCorporateSubWallet: (walletId: string, params: CorporateFundsMovementParameters) =>
      moveCorporateFunds(ctx, 'allocation', walletId, params),
    collectFromCorporateSubWallet: (walletId: string, params: CorporateFundsMovementParameters) =>
      moveCorporateFunds(ctx, 'collection', walletId, params),
    updateCorporateSubWalletCaps: (
      walletId: string,
      subWalletId: string,
      params: UpdateCorporateSubWalletCapsParameters,
    ) => updateCorporateSubWalletCaps(ctx, walletId, subWalletId, params),
    closeCorporateSubWallet: (
      walletId: string,
      subWalletId: string,
      params: CloseCorporateSubWalletParameters = {},
    ) => closeCorporateSubWallet(ctx, walletId, subWalletId, params),
    createOrder: (params: CreateOrderParameters) => createOrder(ctx, params),
    getOrder: (orderId: string) => getOrder(ctx, orderId),
    findOrderByMerchantOrderNo: (merchantId: string, merchantOrderNo: string) =>
      findOrderByMerchantOrderNo(ctx, merchantId, merchantOrderNo),
    payOrder: (orderId: string, params: Parameters<typeof payOrder>[2]) => payOrder(ctx, orderId, params),
    closeOrder: (orderId: string) => closeOrder(ctx, orderId),
    cancelOrder: (orderId: string) => cancelOrder(ctx, orderId),
    resolveQr: (payload: string) => resolveQr(ctx, payload),
    createRefund: (orderId: string, params: CreateRefundParameters) => createRefund(ctx, orderId, params),
    getRefund: (refundId: string) => getRefund(ctx, refundId),
    listRefunds: (orderId: string) => listRefunds(ctx, orderId),
    createTransfer: (params: CreateTransferParameters) => createTransfer(ctx, params),
    getTransfer: (transferId: string) => getTransfer(ctx, transferId),
    listWalletTransfers: (walletId: string, page: PageParameters = {}) =>
      listWalletTransfers(ctx, walletId, page),
    seedMerchant: (params?: SeedMerchantParameters) => seedMerchant(ctx, params),
    getMerchant: (merchantId: string) => {
      const merchant = ctx.merchants.get(merchantId)
      if (!merchant) throw notFound('merchant', merchantId)
      return merchantToWire(merchant)
    },
    /** The merchant whose settlement wallet `walletId` is, if any (for access checks). */
    merchantOwningWallet: (walletId: string) => merchantOwningWallet(ctx, walletId),
    eligibleCampaigns: (walletId: string) => {
      getWallet(ctx, walletId)
      return { data: ctx.campaigns.eligibleCampaigns?.(walletId, ctx.clock.now()) ?? [], nextCursor: null }
    },
    /** Closes orders whose expiry passed; runs by itself whenever the clock moves or a request arrives. */
    expireDueOrders: () => expireDueOrders(ctx),
  }
}

export type Engine = ReturnType<typeof createEngine>
