/** Ranks a UTF-16 code unit so that surrogates (code points above U+FFFF) sort after U+E000…U+FFFF. */
function rank(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit
}

function compareByCodePoint(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return rank(x) - rank(y)
  }
  return a.length - b.length
}

const NEEDS_CARE = /[\ud800-\uffff]/

/**
 * Sorts strings by Unicode code point — the order of their UTF-8 bytes, and of Python's `sorted()` —
 * so that anyone can reproduce a sorted list outside JavaScript. (JavaScript's default sort orders
 * UTF-16 code units, which differs only for characters at U+E000 and above against those beyond U+FFFF.)
 * Returns a new array.
 *
 * @example
 * sortByCodePoint(['b', 'a', '😀', '\uFF01']) // ['a', 'b', '！', '😀']
 */
export function sortByCodePoint(values: readonly string[]): string[] {
  const copy = [...values]
  return copy.some((value) => NEEDS_CARE.test(value)) ? copy.sort(compareByCodePoint) : copy.sort()
}
