/**
 * `@ecny/test-utils`: the one test harness of the repository (private, consumed from source).
 * Each module is one helper; see README.md for which to reach for.
 */

export { scopedToken } from './clientTokens.js'
export { type AppCredentials, demoCredentials } from './demoApp.js'
export { errorOf } from './errorOf.js'
export { attackerKey, decodeJws, es256, forgeJws, hs256, publicKeyAsSecrets } from './forgeJws.js'
export { httpSetup } from './httpSetup.js'
export { bankCard, residentId, testCard } from './identities.js'
export { closeServer, listen } from './loopback.js'
export { type MerchantHarness, useMerchantRails } from './merchantRails.js'
export { type MerchantReceiver, startFetchReceiver, startNodeReceiver } from './merchantReceiver.js'
export { type MitmProxy, type ProxyHooks, startProxy } from './mitmProxy.js'
export { type RailsServer, type RailsServerOptions, railsUrl, serveRails } from './railsServer.js'
export { type Exchange, errorCodeOf, type RawResponse, readAll, sendRaw } from './rawHttp.js'
export { rejectionOf } from './rejectionOf.js'
export {
  type CallOptions,
  type CallResult,
  createSignedClient,
  type Send,
  type SignedClientOptions,
  sha256,
  signRequestHeader,
  verifyGatewayResponse,
} from './signedClient.js'
export { createTestRails, openWl04, testRails, testStart } from './testRails.js'
export { until } from './until.js'
export {
  type NotificationReceiver,
  type ReceivedNotification,
  startNotificationReceiver,
} from './verifyingReceiver.js'
export { createQrOrder, useWalletRails, type WalletHarness } from './walletRails.js'
export { balanceOf, fundedWallet, fundedWalletThroughSdk, mobileNumbers } from './wallets.js'
