/**
 * Polls `condition` every 20 ms until it holds, or fails after `timeoutMs`.
 *
 * @example
 * await until(() => receiver.applied.size === 3, 10_000, 'three notifications')
 */
export async function until(condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
