/**
 * The offline counters seen from one wallet, as sorted, disjoint, non-touching ranges flattened into
 * one array (`[from0, to0, from1, to1, …]`, inclusive). A wallet's counter only goes up, so its taps
 * usually arrive as one run and the record stays two numbers however many taps it makes; taps that
 * come out of order (another gate's batch first) open a gap that closes when the missing ones come.
 *
 * @example
 * const seen: number[] = []
 * addCounter(seen, 1); addCounter(seen, 2); addCounter(seen, 4) // seen: [1, 2, 4, 4]
 * hasCounter(seen, 3) // false
 */
export function hasCounter(ranges: readonly number[], counter: number): boolean {
  const at = rangeAtOrAfter(ranges, counter)
  return at < ranges.length && ranges[at]! <= counter
}

/** Adds `counter` (not yet in `ranges`), merging it into the ranges it touches. */
export function addCounter(ranges: number[], counter: number): void {
  const at = rangeAtOrAfter(ranges, counter)
  const joinsPrevious = at > 0 && ranges[at - 1]! === counter - 1
  const joinsNext = at < ranges.length && ranges[at]! === counter + 1
  if (joinsPrevious && joinsNext) {
    ranges[at - 1] = ranges[at + 1]!
    ranges.splice(at, 2)
  } else if (joinsPrevious) ranges[at - 1] = counter
  else if (joinsNext) ranges[at] = counter
  else ranges.splice(at, 0, counter, counter)
}

/** Index of the first range whose end is at or after `counter` (`ranges.length` if none). */
function rangeAtOrAfter(ranges: readonly number[], counter: number): number {
  let low = 0
  let high = ranges.length / 2
  while (low < high) {
    const mid = (low + high) >>> 1
    if (ranges[mid * 2 + 1]! < counter) low = mid + 1
    else high = mid
  }
  return low * 2
}
