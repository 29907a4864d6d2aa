import { createEcnyError, type EcnyError } from '@ecny/sdk-core'

/**
 * The error the edge build's stand-ins throw for a feature that needs Node (a disk, `node:zlib`):
 * code `unsupported_runtime`, naming the feature and what to use instead.
 *
 * @example
 * throw nodeOnly('renderQrPng', 'Use renderQrSvg, which needs no Node module.')
 */
export function nodeOnly(feature: string, instead: string): EcnyError {
  return createEcnyError(
    'unsupported_runtime',
    `${feature} needs Node and is not in the edge build of @ecny/sdk-merchant.`,
    { hint: instead, details: { feature } },
  )
}
