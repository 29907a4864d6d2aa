import type { Wallet } from '@ecny/protocol'
import { hardwareWalletFormFactors, operations, transitDefaults } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { NotFoundError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { walletIdSchema } from '../inputs.js'

const { single: maxSingle, count: maxCount } = transitDefaults.offlineCap

const issueHardwareWalletParameters = z.object({
  /** The holder's personal (WT01) wallet the hardware wallet is linked to. */
  walletId: walletIdSchema,
  formFactor: z.enum(hardwareWalletFormFactors, { error: 'formFactor must be card, sim or wearable' }),
  /** The holder's offline cap from the start; ¥500 a payment and 10 payments when left out. */
  offlineCap: z.optional(
    z.object({
      single: z
        .number({ error: 'offlineCap.single must be a number' })
        .check(
          z.int({ error: 'offlineCap.single must be whole fen' }),
          z.minimum(1, { error: 'offlineCap.single must be at least 1 fen' }),
          z.maximum(maxSingle, { error: `offlineCap.single must be at most ${maxSingle} fen (¥500)` }),
        ),
      count: z
        .number({ error: 'offlineCap.count must be a number' })
        .check(
          z.int({ error: 'offlineCap.count must be a whole number' }),
          z.minimum(1, { error: 'offlineCap.count must be at least 1' }),
          z.maximum(maxCount, { error: `offlineCap.count must be at most ${maxCount}` }),
        ),
    }),
  ),
})

export type IssueHardwareWalletParameters = z.input<typeof issueHardwareWalletParameters>
export type IssueHardwareWalletReturnType = Wallet
/** What issueHardwareWallet can throw: see each code in docs/errors.md. */
export type IssueHardwareWalletErrorType = NotFoundError | RequestErrorType

/**
 * Issues a hardware wallet (WT03: an IC card, a SIM wallet, a wearable) linked to the holder's
 * personal wallet, with its own balance and the parent's level. Its offline counter starts at 0
 * under the holder's offline cap (default ¥500 a payment, 10 payments before going online; DOMAIN
 * §7); change it later with {@link setOfflineCap}. Gates' taps from it are uploaded with
 * `client.transit.uploadTaps`.
 *
 * @example
 * const card = await issueHardwareWallet(client, { walletId, formFactor: 'card' })
 */
export async function issueHardwareWallet(
  client: EcnyBaseClient,
  parameters: IssueHardwareWalletParameters,
  options: CallOptions = {},
): Promise<IssueHardwareWalletReturnType> {
  const { walletId, ...body } = parseInput(issueHardwareWalletParameters, parameters, 'hardware wallet')
  return client.request({
    ...fromOperation(operations.issueHardwareWallet, { id: walletId }),
    body,
    ...options,
  })
}
