/**
 * `@ecny/protocol/corporate`: the corporate parent and WT10 sub-wallet operations with their request
 * and response schemas. A sub-path of its own so browser bundles built on the main entry (which
 * carries every schema it exports) never include them.
 */
export * from '../operations/corporateWalletOperations.js'
export * from '../requests/corporateWallets.js'
export * from '../schemas/corporateWallets.js'
