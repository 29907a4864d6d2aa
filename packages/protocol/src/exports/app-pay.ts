/**
 * `@ecny/protocol/app-pay`: the app / H5 hand-off — its schemas, operations and cipher. A sub-path of
 * its own so that a checkout page, which loads the main entry, never carries it.
 */
export * from '../appPay/appHandoff.js'
export * from '../appPay/appHandoffOperations.js'
export { type SealAppHandoffParameters, sealAppHandoff } from '../appPay/sealAppHandoff.js'
export { type UnsealAppHandoffReturnType, unsealAppHandoff } from '../appPay/unsealAppHandoff.js'
