/** The points ledger's part of the protocol, published as `@ecny/protocol/points` (exports/points.ts). */
export * from './pointsOperations.js'
export * from './pointsRequests.js'
export * from './pointsSchemas.js'
