/** Where progress goes: a writable text stream such as `process.stderr`. */
export interface ProgressOutput {
  write(text: string): unknown
}

/**
 * A one-line progress display (`\r`-rewritten) of rows read and the rate, redrawn at most every
 * `intervalMs`. Callers report counts as often as they like; only the redraws cost anything.
 *
 * @example
 * const progress = createProgress(process.stderr)
 * progress.update('records', 120_000)
 * progress.done()
 */
export function createProgress(
  output: ProgressOutput,
  intervalMs = 250,
  now: () => number = () => performance.now(),
) {
  const started = now()
  const counts = new Map<string, number>()
  let lastDraw = Number.NEGATIVE_INFINITY
  let drawn = false
  const draw = (phase: string) => {
    let total = 0
    const parts: string[] = []
    for (const [name, count] of counts) {
      total += count
      parts.push(`${name} ${count.toLocaleString('en-US')}`)
    }
    const seconds = Math.max((now() - started) / 1000, 0.001)
    const rate = Math.round(total / seconds).toLocaleString('en-US')
    output.write(`\r\x1b[K${phase}: ${parts.join(' · ')} rows · ${rate} rows/s · ${seconds.toFixed(1)} s`)
    drawn = true
  }
  return {
    /** Records that `name` has reached `count` rows; redraws if the interval has passed. */
    update(name: string, count: number, phase = 'reading'): void {
      counts.set(name, count)
      const at = now()
      if (at - lastDraw < intervalMs) return
      lastDraw = at
      draw(phase)
    },
    /** Shows a phase change (e.g. `joining`) at once. */
    phase(phase: string): void {
      lastDraw = now()
      draw(phase)
    },
    /** Clears the line. */
    done(): void {
      if (drawn) output.write('\r\x1b[K')
    },
  }
}
