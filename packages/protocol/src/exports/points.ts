/**
 * `@ecny/protocol/points`: the points ledger's operations and schemas, an entry of its own so that a
 * browser bundle importing the main entry (wallets, payments) does not carry them.
 */
export * from '../points/index.js'
