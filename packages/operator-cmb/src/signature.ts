import { sm2Curve } from './curve.js'
import { decodeChildren, decodeNode, encodeInteger, encodeSequence, integerValue, tag } from './der.js'

/** DER SEQUENCE { INTEGER r, INTEGER s }: the form every CMB sample uses. */
export function encodeSignature(r: bigint, s: bigint): Uint8Array {
  return encodeSequence(encodeInteger(r), encodeInteger(s))
}

/** r and s from DER, each in [1, n-1], or undefined for anything else. */
export function decodeSignature(der: Uint8Array): { r: bigint; s: bigint } | undefined {
  try {
    const children = decodeChildren(decodeNode(der, tag.sequence))
    if (children.length !== 2) return undefined
    const r = integerValue(children[0])
    const s = integerValue(children[1])
    if (r < 1n || r >= sm2Curve.n || s < 1n || s >= sm2Curve.n) return undefined
    return { r, s }
  } catch {
    return undefined
  }
}
