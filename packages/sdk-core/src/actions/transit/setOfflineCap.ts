import type { OfflineCap } from '@ecny/protocol'
import { operations, transitDefaults } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { NotFoundError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { walletIdSchema } from '../inputs.js'

const { single: maxSingle, count: maxCount } = transitDefaults.offlineCap

const setOfflineCapParameters = z.object({
  walletId: walletIdSchema,
  /** Largest offline payment in fen, 1–50 000 (¥500). Default 50 000. */
  single: z.optional(
    z
      .number({ error: 'single must be a number' })
      .check(
        z.int({ error: 'single must be whole fen' }),
        z.minimum(1, { error: 'single must be at least 1 fen' }),
        z.maximum(maxSingle, { error: `single must be at most ${maxSingle} fen (¥500), the offline cap` }),
      ),
  ),
  /** Offline payments before the wallet must go online, 1–10. Default 10. */
  count: z.optional(
    z
      .number({ error: 'count must be a number' })
      .check(
        z.int({ error: 'count must be a whole number' }),
        z.minimum(1, { error: 'count must be at least 1' }),
        z.maximum(maxCount, { error: `count must be at most ${maxCount}` }),
      ),
  ),
  /** The wallet's offline counter now (the next offline payments count from it). */
  counter: z
    .number({ error: 'counter must be a number' })
    .check(
      z.int({ error: 'counter must be a whole number' }),
      z.minimum(0, { error: 'counter must not be negative' }),
    ),
})

export type SetOfflineCapParameters = z.input<typeof setOfflineCapParameters>
export type SetOfflineCapReturnType = OfflineCap
/** What setOfflineCap can throw: see each code in docs/errors.md. */
export type SetOfflineCapErrorType = NotFoundError | RequestErrorType

/**
 * The holder sets a hardware wallet's (card, SIM, wearable) offline cap while it is online: the
 * largest offline payment and how many offline payments it may make before it must go online again
 * (at most ¥500 and 10, which are also the defaults; DOMAIN §7, finextra 2023), with the wallet's
 * counter now. A gate's offline taps beyond the cap are refused at upload (`limit_exceeded`).
 *
 * @example
 * await setOfflineCap(client, { walletId, single: 2_000, count: 5, counter: card.counter })
 */
export async function setOfflineCap(
  client: EcnyBaseClient,
  parameters: SetOfflineCapParameters,
  options: CallOptions = {},
): Promise<SetOfflineCapReturnType> {
  const input = parseInput(setOfflineCapParameters, parameters, 'offline cap')
  return client.request({
    ...fromOperation(operations.setOfflineCap, { id: input.walletId }),
    body: { single: input.single ?? maxSingle, count: input.count ?? maxCount, counter: input.counter },
    ...options,
  })
}
