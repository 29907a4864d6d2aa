/**
 * One signal for one attempt: fires on the caller's abort or on the attempt's timeout, and remembers
 * which, so the SDK can tell `aborted` from `timeout`.
 */
export function attemptSignal(callerSignal: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort(new Error(`timed out after ${timeoutMs} ms`))
  }, timeoutMs)
  const onAbort = () => controller.abort(callerSignal?.reason)
  if (callerSignal?.aborted) onAbort()
  else callerSignal?.addEventListener('abort', onAbort, { once: true })
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    /** Ends the timeout but keeps the caller's abort, for a body still streaming in. */
    stopTimer() {
      clearTimeout(timer)
    },
    dispose() {
      clearTimeout(timer)
      callerSignal?.removeEventListener('abort', onAbort)
    },
  }
}
