import { EcnyError } from '@ecny/sdk-core'
import type { InFlightCreate, InFlightCreateStore } from './inFlightCreateStore.js'

/**
 * Whether a failed create may still have made the order: `result_unknown`, or aborted while the
 * request may have been out. Anything else is a definite answer (or nothing was sent).
 */
function mayHaveCreated(error: unknown): boolean {
  return !(error instanceof EcnyError) || error.code === 'result_unknown' || error.code === 'aborted'
}

/**
 * Runs one create with its record in `store`: written down before `send`, struck out once a final
 * answer came back (the order, or a definite refusal); kept when the outcome is unknown, for
 * `recoverInFlightCreates`. A store that cannot write throws before anything is sent; one that
 * cannot strike out after a final answer is ignored (recovery then finds the order final).
 *
 * @example
 * const order = await withInFlightRecord(store, create, () => client.request({ ... }))
 */
export async function withInFlightRecord<T>(
  store: InFlightCreateStore | undefined,
  create: InFlightCreate,
  send: () => Promise<T>,
): Promise<T> {
  if (!store) return send()
  await store.record(create)
  const strikeOut = async () => {
    try {
      await store.clear(create)
    } catch {
      // Kept by mistake: recovery finds the order final (or never made) and strikes it out then.
    }
  }
  try {
    const result = await send()
    await strikeOut()
    return result
  } catch (error) {
    if (!mayHaveCreated(error)) await strikeOut()
    throw error
  }
}
