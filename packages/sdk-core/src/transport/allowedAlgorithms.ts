/** The algorithms the SDK signs with and accepts from the gateway. Nothing else, ever. */
export const allowedAlgorithms = ['ES256', 'EdDSA'] as const
export type SigningAlgorithm = (typeof allowedAlgorithms)[number]
