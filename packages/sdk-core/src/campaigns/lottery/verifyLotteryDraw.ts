import { EcnyError } from '../../errors/EcnyError.js'
import { drawLottery, LOTTERY_ALGORITHM, type LotteryAudit } from './drawLottery.js'

export type VerifyLotteryDrawReturnType = { valid: true } | { valid: false; reason: string }

/**
 * Re-runs a lottery from its audit record and the entrant list, and says whether the recorded
 * winners are exactly the ones the algorithm gives — the check a notary or an auditor runs.
 * Never throws for a mismatch; a malformed entrant list is reported as invalid too.
 *
 * @example
 * const { audit } = await drawLottery({ entrants, winners: 100, seed })
 * await verifyLotteryDraw(audit, entrants) // { valid: true }
 * await verifyLotteryDraw({ ...audit, winners: ['someone-else', ...audit.winners.slice(1)] }, entrants)
 * // { valid: false, reason: 'The recorded winners differ from the draw (first difference at position 1).' }
 */
export async function verifyLotteryDraw(
  audit: LotteryAudit,
  entrants: readonly string[],
): Promise<VerifyLotteryDrawReturnType> {
  if (audit.algorithm !== LOTTERY_ALGORITHM) {
    return {
      valid: false,
      reason: `Unknown algorithm '${String(audit.algorithm)}'; this version verifies ${LOTTERY_ALGORITHM}.`,
    }
  }
  let redraw: LotteryAudit
  try {
    redraw = (await drawLottery({ entrants, winners: audit.winnersRequested, seed: audit.seed })).audit
  } catch (error) {
    if (error instanceof EcnyError && error.code === 'invalid_request') {
      return { valid: false, reason: `The audit or entrant list is malformed: ${error.shortMessage}` }
    }
    throw error
  }
  if (redraw.entrantCount !== audit.entrantCount) {
    return {
      valid: false,
      reason: `The audit counts ${audit.entrantCount} entrants; the list has ${redraw.entrantCount}.`,
    }
  }
  if (redraw.entrantsHash !== audit.entrantsHash) {
    return { valid: false, reason: 'The entrant list does not match the audit’s entrantsHash.' }
  }
  const recorded = audit.winners ?? []
  const position = redraw.winners.findIndex((winner, index) => recorded[index] !== winner)
  if (position !== -1 || recorded.length !== redraw.winners.length) {
    const at = position === -1 ? redraw.winners.length : position
    return {
      valid: false,
      reason: `The recorded winners differ from the draw (first difference at position ${at + 1}).`,
    }
  }
  return { valid: true }
}
