/**
 * A small QR Code encoder (ISO/IEC 18004, byte mode, versions 1–40, all four error-correction
 * levels): text in, a square matrix of dark/light modules out. Synchronous and DOM-free, so a QR
 * renders the same on the server and in the browser. Written for checkout payloads (an `ecny://`
 * URL of a few dozen characters); kept small because it ships in every checkout bundle.
 */

export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H'

export type QrMatrix = {
  /** Modules per side (without a quiet zone): 21 for version 1, + 4 per version. */
  size: number
  version: number
  mask: number
  /** `size × size` modules, row by row; `true` is dark. */
  modules: boolean[]
}

export type EncodeQrOptions = {
  /** Default `M` (15 % of the symbol may be damaged), as payment QR codes usually are. */
  errorCorrection?: QrErrorCorrection
  /** Force a mask pattern 0–7 (for tests); by default the one with the lowest penalty. */
  mask?: number
}

const levelIndex = { L: 0, M: 1, Q: 2, H: 3 } as const
/** Format-information bits of each level (not in L, M, Q, H order). */
const levelBits = [1, 0, 3, 2]

/**
 * Error-correction codewords per block, and number of blocks, per level (L, M, Q, H) for versions
 * 1–40, from the standard's table 9, packed as base-36 digits per version.
 */
const eccPerBlock = [
  '7,10,15,20,26,18,20,24,30,18,20,24,26,30,22,24,28,30,28,28,28,28,30,30,26,28,30,30,30,30,30,30,30,30,30,30,30,30,30,30',
  '10,16,26,18,24,16,18,22,22,26,30,22,22,24,24,28,28,26,26,26,26,28,28,28,28,28,28,28,28,28,28,28,28,28,28,28,28,28,28,28',
  '13,22,18,26,18,24,18,22,20,24,28,26,24,20,30,24,28,28,26,30,28,30,30,30,30,28,30,30,30,30,30,30,30,30,30,30,30,30,30,30',
  '17,28,22,16,22,28,26,26,24,28,24,28,22,24,24,30,28,28,26,28,30,24,30,30,30,30,30,30,30,30,30,30,30,30,30,30,30,30,30,30',
].map((row) => row.split(',').map(Number))
const blockCount = [
  '1,1,1,1,1,2,2,2,2,4,4,4,4,4,6,6,6,6,7,8,8,9,9,10,12,12,12,13,14,15,16,17,18,19,19,20,21,22,24,25',
  '1,1,1,2,2,4,4,4,5,5,5,8,9,9,10,10,11,13,14,16,17,17,18,20,21,23,25,26,28,29,31,33,35,37,38,40,43,45,47,49',
  '1,1,2,2,4,4,6,6,8,8,8,10,12,16,12,17,16,18,21,20,23,23,25,27,29,34,34,35,38,40,43,45,48,51,53,56,59,62,65,68',
  '1,1,2,4,4,4,5,6,8,8,11,11,16,16,18,16,19,21,25,25,25,34,30,32,35,37,40,42,45,48,51,54,57,60,63,66,70,74,77,81',
].map((row) => row.split(',').map(Number))

/** Modules available for data and error correction (everything but function patterns). */
function rawModules(version: number): number {
  let count = (16 * version + 128) * version + 64
  if (version >= 2) {
    const align = Math.floor(version / 7) + 2
    count -= (25 * align - 10) * align - 55
    if (version >= 7) count -= 36
  }
  return count
}

function dataCodewords(version: number, level: number): number {
  return (
    Math.floor(rawModules(version) / 8) - eccPerBlock[level]![version - 1]! * blockCount[level]![version - 1]!
  )
}

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const exp = new Array<number>(512)
const log = new Array<number>(256)
for (let i = 0, x = 1; i < 255; i++) {
  exp[i] = x
  log[x] = i
  x <<= 1
  if (x & 0x100) x ^= 0x11d
}
for (let i = 255; i < 512; i++) exp[i] = exp[i - 255]!
const mul = (a: number, b: number) => (a === 0 || b === 0 ? 0 : exp[log[a]! + log[b]!]!)

/** Reed–Solomon error-correction codewords for one block. */
function reedSolomon(data: number[], degree: number): number[] {
  // Generator (x − α^0)(x − α^1)…(x − α^(degree−1)), highest coefficient (1) dropped.
  const generator = new Array<number>(degree).fill(0)
  generator[degree - 1] = 1
  for (let i = 0, root = 1; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      generator[j] = mul(generator[j]!, root) ^ (generator[j + 1] ?? 0)
    }
    root = mul(root, 2)
  }
  const remainder = new Array<number>(degree).fill(0)
  for (const byte of data) {
    const factor = byte ^ remainder.shift()!
    remainder.push(0)
    for (let j = 0; j < degree; j++) remainder[j]! ^= mul(generator[j]!, factor)
  }
  return remainder
}

/** Data bits in byte mode, terminated and padded, split into blocks, with error correction, interleaved. */
function codewords(bytes: Uint8Array, version: number, level: number): number[] {
  const bits: number[] = []
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1)
  }
  const capacity = dataCodewords(version, level) * 8
  put(4, 4)
  put(bytes.length, version < 10 ? 8 : 16)
  for (const byte of bytes) put(byte, 8)
  put(0, Math.min(4, capacity - bits.length))
  put(0, (8 - (bits.length % 8)) % 8)
  for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) put(pad, 8)
  const data: number[] = []
  for (let i = 0; i < bits.length; i += 8)
    data.push(bits.slice(i, i + 8).reduce((byte, bit) => (byte << 1) | bit, 0))

  const blocks = blockCount[level]![version - 1]!
  const ecc = eccPerBlock[level]![version - 1]!
  const raw = Math.floor(rawModules(version) / 8)
  const shortBlocks = blocks - (raw % blocks)
  const shortLength = Math.floor(raw / blocks) - ecc
  const dataBlocks: number[][] = []
  const eccBlocks: number[][] = []
  for (let b = 0, offset = 0; b < blocks; b++) {
    const length = shortLength + (b < shortBlocks ? 0 : 1)
    const block = data.slice(offset, offset + length)
    offset += length
    dataBlocks.push(block)
    eccBlocks.push(reedSolomon(block, ecc))
  }
  const result: number[] = []
  for (let i = 0; i <= shortLength; i++)
    for (const block of dataBlocks) if (i < block.length) result.push(block[i]!)
  for (let i = 0; i < ecc; i++) for (const block of eccBlocks) result.push(block[i]!)
  return result
}

function alignmentPositions(version: number, size: number): number[] {
  if (version === 1) return []
  const count = Math.floor(version / 7) + 2
  const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2
  const positions = [6]
  for (let position = size - 7; positions.length < count; position -= step) positions.splice(1, 0, position)
  return positions
}

const maskTests: Array<(x: number, y: number) => boolean> = [
  (x, y) => (x + y) % 2 === 0,
  (_, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
]

/** The standard's penalty for a finished symbol: runs, 2×2 blocks, finder look-alikes, dark balance. */
function penalty(modules: boolean[], size: number): number {
  let score = 0
  const at = (x: number, y: number) => modules[y * size + x]!
  const finderLike = [true, false, true, true, true, false, true]
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < size; i++) {
      const line = Array.from({ length: size }, (_, j) => (pass === 0 ? at(j, i) : at(i, j)))
      for (let j = 0, run = 1; j < size; j++) {
        if (j + 1 < size && line[j + 1] === line[j]) run++
        else {
          if (run >= 5) score += run - 2
          run = 1
        }
      }
      // N3: dark-light-dark×3-light-dark (1:1:3:1:1) with 4 light modules before it, and again with
      // 4 light modules after it: each light side is a finder look-alike of its own (40 each), the
      // whole 11-module window inside the symbol.
      for (let j = 0; j + 7 <= size; j++) {
        if (!finderLike.every((dark, k) => line[j + k] === dark)) continue
        if (j >= 4 && [1, 2, 3, 4].every((k) => !line[j - k])) score += 40
        if (j + 11 <= size && [0, 1, 2, 3].every((k) => !line[j + 7 + k])) score += 40
      }
    }
  }
  let dark = 0
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (at(x, y)) dark++
      if (x + 1 < size && y + 1 < size) {
        const colour = at(x, y)
        if (at(x + 1, y) === colour && at(x, y + 1) === colour && at(x + 1, y + 1) === colour) score += 3
      }
    }
  }
  const total = size * size
  score += Math.max(0, Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1) * 10
  return score
}

/**
 * Encodes text (as UTF-8 bytes) into the smallest QR symbol that holds it at the chosen level.
 * Throws a `RangeError` when the text does not fit in version 40.
 *
 * @example
 * const { size, modules } = encodeQr('ecny://pay?o=ord_1')
 */
export function encodeQr(text: string, options: EncodeQrOptions = {}): QrMatrix {
  const level = levelIndex[options.errorCorrection ?? 'M']
  const bytes = new TextEncoder().encode(text)
  let version = 1
  while (4 + (version < 10 ? 8 : 16) + bytes.length * 8 > dataCodewords(version, level) * 8) {
    if (++version > 40) throw new RangeError(`Text of ${bytes.length} bytes is too long for a QR code.`)
  }
  const size = version * 4 + 17
  const modules = new Array<boolean>(size * size).fill(false)
  const reserved = new Array<boolean>(size * size).fill(false)
  const set = (x: number, y: number, dark: boolean) => {
    modules[y * size + x] = dark
    reserved[y * size + x] = true
  }

  // Finder patterns with their separators, timing patterns, alignment patterns.
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx
        const y = cy + dy
        const ring = Math.max(Math.abs(dx), Math.abs(dy))
        if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, ring !== 2 && ring !== 4)
      }
    }
  }
  for (let i = 8; i < size - 8; i++) {
    set(6, i, i % 2 === 0)
    set(i, 6, i % 2 === 0)
  }
  const align = alignmentPositions(version, size)
  for (const [ai, ax] of align.entries()) {
    for (const [bi, ay] of align.entries()) {
      const corner =
        (ai === 0 && bi === 0) ||
        (ai === 0 && bi === align.length - 1) ||
        (ai === align.length - 1 && bi === 0)
      if (corner) continue
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) set(ax + dx, ay + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1)
      }
    }
  }
  // Version information (versions 7+), BCH(18, 6).
  if (version >= 7) {
    let remainder = version
    for (let i = 0; i < 12; i++) remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1f25)
    const bits = (version << 12) | remainder
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1
      const a = size - 11 + (i % 3)
      const b = Math.floor(i / 3)
      set(a, b, dark)
      set(b, a, dark)
    }
  }
  const drawFormat = (mask: number) => {
    const data = (levelBits[level]! << 3) | mask
    let remainder = data
    for (let i = 0; i < 10; i++) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537)
    const bits = ((data << 10) | remainder) ^ 0x5412
    const bit = (i: number) => ((bits >>> i) & 1) === 1
    for (let i = 0; i <= 5; i++) set(8, i, bit(i))
    set(8, 7, bit(6))
    set(8, 8, bit(7))
    set(7, 8, bit(8))
    for (let i = 9; i < 15; i++) set(14 - i, 8, bit(i))
    for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(i))
    for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(i))
    set(8, size - 8, true)
  }
  drawFormat(0) // reserves the format areas before data is placed

  // Data in two-module columns, right to left, zig-zagging up and down, skipping the timing column.
  const words = codewords(bytes, version, level)
  let bitIndex = 0
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5
    const upward = ((right + 1) & 2) === 0
    for (let v = 0; v < size; v++) {
      const y = upward ? size - 1 - v : v
      for (let j = 0; j < 2; j++) {
        const x = right - j
        if (reserved[y * size + x]) continue
        const word = words[bitIndex >>> 3]
        modules[y * size + x] = word !== undefined && ((word >>> (7 - (bitIndex & 7))) & 1) === 1
        bitIndex++
      }
    }
  }

  const applyMask = (mask: number) => {
    const test = maskTests[mask]!
    const masked = modules.slice()
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++)
        if (!reserved[y * size + x] && test(x, y)) masked[y * size + x] = !masked[y * size + x]
    }
    return masked
  }
  let mask = options.mask ?? -1
  if (mask < 0) {
    let best = Number.POSITIVE_INFINITY
    for (let candidate = 0; candidate < 8; candidate++) {
      drawFormat(candidate)
      const score = penalty(applyMask(candidate), size)
      if (score < best) {
        best = score
        mask = candidate
      }
    }
  }
  drawFormat(mask)
  return { size, version, mask, modules: applyMask(mask) }
}
