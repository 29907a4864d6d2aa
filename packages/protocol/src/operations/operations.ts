import {
  claimCampaign,
  createCampaign,
  drawLottery,
  endCampaign,
  estimateAudience,
  estimateStandaloneAudience,
  getCampaign,
  getCampaignStats,
  getLotteryDraw,
  listCampaigns,
  listClaims,
  pauseCampaign,
  resumeCampaign,
  scheduleCampaign,
  setWalletTags,
  updateCampaign,
} from './campaignOperations.js'
import type { Operation } from './defineOperation.js'
import {
  checkGovEBill,
  createGovBillCodeQr,
  getGovAgencyStatement,
  getGovPaymentBill,
  listGovBillEBills,
  lookupGovBill,
  payGovBillWithWallet,
  registerGovBill,
} from './govPaymentBillOperations.js'
import {
  createGovBill,
  createGovBillQr,
  createMerchant,
  createQrCode,
  createScene,
  createTerminal,
  getGovBill,
  getMerchant,
  getStatement,
  submitMerchant,
  updateMerchant,
  uploadDocument,
  uploadTapBatch,
} from './merchantOperations.js'
import {
  cancelOrder,
  closeOrder,
  createOrder,
  createRefund,
  findOrder,
  getOrder,
  getRefund,
  listRefunds,
  payOrder,
  resolveQr,
} from './orderOperations.js'
import {
  advanceTestClock,
  claimTestNotifications,
  getTestClock,
  getTestFaults,
  listTestNotifications,
  reportForwardedDelivery,
  resendTestNotification,
  setTestFaults,
  triggerTestEvent,
  verifyTestLedger,
} from './testOperations.js'
import { createClientToken, createTransfer, getTransfer } from './transferOperations.js'
import { closeTransitDay, issueRideCode, scanRideCode, setOfflineCap } from './transitOperations.js'
import {
  closeWallet,
  createPaymentCode,
  createSubWallet,
  getBalance,
  getWallet,
  getWalletLimits,
  listEligibleCampaigns,
  listSubWallets,
  listTransactions,
  listWalletTransfers,
  openWallet,
  redeem,
  revokeSubWallet,
  topUp,
  upgradeWallet,
} from './walletOperations.js'

/**
 * The route table: every operation of the protocol by name, in a fixed order. The simulator
 * defines one handler per entry (and a test checks it has exactly these), the SDK's actions take
 * method, path and schemas from here, and the OpenAPI document is generated from it.
 *
 * @example
 * import { operations } from '@ecny/protocol'
 * operations.createOrder.path // '/v1/orders'
 */
export const operations = {
  // transfer
  createTransfer,
  getTransfer,
  createClientToken,
  // wallet
  openWallet,
  getWallet,
  getBalance,
  getWalletLimits,
  upgradeWallet,
  closeWallet,
  topUp,
  redeem,
  listTransactions,
  listWalletTransfers,
  createPaymentCode,
  createSubWallet,
  listSubWallets,
  revokeSubWallet,
  listEligibleCampaigns,
  // order
  createOrder,
  getOrder,
  findOrder,
  closeOrder,
  cancelOrder,
  resolveQr,
  payOrder,
  createRefund,
  listRefunds,
  getRefund,
  // merchant
  createMerchant,
  updateMerchant,
  getMerchant,
  uploadDocument,
  submitMerchant,
  createScene,
  createTerminal,
  createQrCode,
  createGovBill,
  getGovBill,
  createGovBillQr,
  // government bills by 缴款码
  registerGovBill,
  getGovPaymentBill,
  lookupGovBill,
  createGovBillCodeQr,
  payGovBillWithWallet,
  listGovBillEBills,
  checkGovEBill,
  getGovAgencyStatement,
  uploadTapBatch,
  // transit: ride codes, operating days, offline caps
  issueRideCode,
  scanRideCode,
  closeTransitDay,
  setOfflineCap,
  getStatement,
  // campaign
  createCampaign,
  listCampaigns,
  getCampaign,
  updateCampaign,
  scheduleCampaign,
  pauseCampaign,
  resumeCampaign,
  endCampaign,
  getCampaignStats,
  estimateAudience,
  estimateStandaloneAudience,
  claimCampaign,
  listClaims,
  drawLottery,
  getLotteryDraw,
  setWalletTags,
  // test mode (a sandbox's controls)
  getTestClock,
  advanceTestClock,
  triggerTestEvent,
  listTestNotifications,
  resendTestNotification,
  claimTestNotifications,
  reportForwardedDelivery,
  getTestFaults,
  setTestFaults,
  verifyTestLedger,
} satisfies Record<string, Operation>

export type OperationName = keyof typeof operations
