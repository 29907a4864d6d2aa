import { nodeOnly } from '../internal/nodeOnly.js'
// Type-only (erased from the bundle): the same colour type as on Node.
import type { Rgba } from './encodePng.js'

export type { Rgba } from './encodePng.js'

/**
 * The edge build's PNG encoder: the PNG is deflated with `node:zlib`, so this stand-in throws
 * `unsupported_runtime` and `renderQrPng` rejects with it. `renderQrSvg` works on edge.
 *
 * @example
 * encodePng(2, 2, () => [0, 0, 0, 255]) // throws unsupported_runtime on edge
 */
export function encodePng(
  _width: number,
  _height: number,
  _pixel: (x: number, y: number) => Rgba,
): Uint8Array {
  throw nodeOnly('renderQrPng', 'Use renderQrSvg on edge runtimes: it needs no Node module.')
}
