/**
 * The little DER this package needs: INTEGER, OCTET STRING, BIT STRING, OBJECT IDENTIFIER and
 * SEQUENCE, read strictly (minimal lengths, minimal non-negative integers, nothing left over).
 */
import { bigintToBytes, bytesToBigint, concatBytes } from './bytes.js'

export const tag = { integer: 0x02, bitString: 0x03, octetString: 0x04, oid: 0x06, sequence: 0x30 } as const

export type DerNode = { tag: number; content: Uint8Array }

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length)
  const bytes: number[] = []
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256)
  return Uint8Array.of(0x80 | bytes.length, ...bytes)
}

export function encodeNode(nodeTag: number, content: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(nodeTag), encodeLength(content.length), content)
}

export function encodeInteger(value: bigint): Uint8Array {
  let bytes = bigintToBytes(value, Math.max(1, Math.ceil(value.toString(16).length / 2)))
  if (bytes[0]! & 0x80) bytes = concatBytes(Uint8Array.of(0), bytes)
  return encodeNode(tag.integer, bytes)
}

export function encodeSequence(...items: Uint8Array[]): Uint8Array {
  return encodeNode(tag.sequence, concatBytes(...items))
}

/** Reads one node at `offset`; throws on anything not DER. */
function readNode(bytes: Uint8Array, offset: number): { node: DerNode; end: number } {
  const nodeTag = bytes[offset]
  let first = bytes[offset + 1]
  if (nodeTag === undefined || first === undefined) throw new TypeError('DER: truncated')
  let length = first
  let cursor = offset + 2
  if (first & 0x80) {
    const count = first & 0x7f
    if (count === 0 || count > 4) throw new TypeError('DER: unsupported length')
    length = 0
    for (let i = 0; i < count; i++) {
      const byte = bytes[cursor++]
      if (byte === undefined) throw new TypeError('DER: truncated')
      length = length * 256 + byte
    }
    first = bytes[offset + 2]!
    if (length < 0x80 || first === 0) throw new TypeError('DER: non-minimal length')
  }
  const end = cursor + length
  if (end > bytes.length) throw new TypeError('DER: truncated')
  return { node: { tag: nodeTag, content: bytes.subarray(cursor, end) }, end }
}

/** Decodes exactly one node that fills `bytes`, of the expected tag. */
export function decodeNode(bytes: Uint8Array, expectedTag: number): Uint8Array {
  const { node, end } = readNode(bytes, 0)
  if (end !== bytes.length) throw new TypeError('DER: trailing bytes')
  if (node.tag !== expectedTag) throw new TypeError('DER: unexpected tag')
  return node.content
}

/** The children of a constructed node's content. */
export function decodeChildren(content: Uint8Array): DerNode[] {
  const children: DerNode[] = []
  for (let offset = 0; offset < content.length; ) {
    const { node, end } = readNode(content, offset)
    children.push(node)
    offset = end
  }
  return children
}

/** A non-negative INTEGER in minimal encoding. */
export function integerValue(node: DerNode | undefined): bigint {
  if (!node || node.tag !== tag.integer || node.content.length === 0)
    throw new TypeError('DER: not an INTEGER')
  const { content } = node
  if (content[0]! & 0x80) throw new TypeError('DER: negative INTEGER')
  if (content.length > 1 && content[0] === 0 && !(content[1]! & 0x80))
    throw new TypeError('DER: non-minimal INTEGER')
  return bytesToBigint(content)
}

export function childOfTag(node: DerNode | undefined, expectedTag: number): Uint8Array {
  if (!node || node.tag !== expectedTag) throw new TypeError('DER: unexpected tag')
  return node.content
}
