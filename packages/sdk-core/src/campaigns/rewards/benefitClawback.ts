import { createEcnyError, InvalidRequestError } from '../../errors/EcnyError.js'
import type { RefundPolicy } from './campaignRuleSchema.js'
import { mulDivFloor } from './mulDivFloor.js'

export type BenefitClawbackParameters = {
  /** The order's amount before the benefit (fen). */
  orderAmount: number
  /** The benefit applied to the order (fen). */
  benefit: number
  /** What the wallet paid: `orderAmount − benefit` (fen). */
  paid: number
  /** Order value refunded by earlier refunds (fen, sum of their `refundAmount`). */
  alreadyRefunded: number
  /** Benefit taken back by earlier refunds (fen, sum of their clawbacks). */
  alreadyClawedBack: number
  /** Order value this refund covers (fen): the wallet gets `refundAmount − clawback`. */
  refundAmount: number
}

const POLICY_NOTES: Record<RefundPolicy, string> = {
  CRP01: 'CRP01 takes the benefit back first',
  CRP02: 'CRP02 takes the benefit back pro rata',
  CRP03: 'CRP03 takes the benefit back only when the whole order is refunded',
  CRP04: 'CRP04 never takes the benefit back',
}

function invalid(field: string, problem: string): never {
  throw new InvalidRequestError('invalid_request', `Invalid refund: ${field} ${problem}.`, {
    hint: 'Pass the order’s amounts and the running totals of earlier refunds, all in integer fen.',
    details: { issues: [{ path: field, message: problem }] },
  })
}

function checkFen(parameters: BenefitClawbackParameters): void {
  for (const field of [
    'orderAmount',
    'benefit',
    'paid',
    'alreadyRefunded',
    'alreadyClawedBack',
    'refundAmount',
  ] as const) {
    const value = parameters[field]
    if (!Number.isSafeInteger(value) || value < 0)
      invalid(field, `must be a whole, non-negative number of fen, got ${String(value)}`)
  }
  const { orderAmount, benefit, paid, alreadyRefunded, alreadyClawedBack, refundAmount } = parameters
  if (paid + benefit !== orderAmount)
    invalid('paid', `(${paid}) plus benefit (${benefit}) must equal orderAmount (${orderAmount})`)
  if (refundAmount < 1) invalid('refundAmount', 'must be at least 1 fen')
  if (alreadyClawedBack > benefit)
    invalid('alreadyClawedBack', `(${alreadyClawedBack}) exceeds the benefit (${benefit})`)
  if (alreadyClawedBack > alreadyRefunded) {
    invalid(
      'alreadyClawedBack',
      `(${alreadyClawedBack}) exceeds what was already refunded (${alreadyRefunded})`,
    )
  }
}

/**
 * How much of an order's campaign benefit one refund takes back, in integer fen, under the
 * campaign's refund policy (CMB `couponRefundProperty`). A refund of `refundAmount` (in order value)
 * returns `refundAmount − clawback` to the wallet; the clawback goes back to the campaign.
 *
 * - `CRP01` benefit first: refunds take back the benefit until it is all back, then return cash.
 * - `CRP02` pro rata: after each refund the benefit taken back totals `⌊benefit × refunded ÷ orderAmount⌋`
 *   (floored in the customer's favour) — so over partial refunds that add up to the order, the
 *   clawbacks sum exactly to the benefit, and the wallet exactly to what it paid.
 * - `CRP03` only on a full refund: nothing until the refund that completes the order, which takes back
 *   the whole benefit.
 * - `CRP04` never: the benefit stays spent.
 *
 * The wallet never gets back more than it paid: under CRP03 a partial refund, and under CRP04 any
 * refund, that would return more than `paid` in total throws `refund_exceeds_paid`. So does a refund
 * beyond the order amount. Inconsistent inputs throw `invalid_request`.
 *
 * @example
 * // ¥100 order, ¥20 benefit, ¥80 paid; refund ¥50 of it, then the other ¥50.
 * const order = { orderAmount: 10_000, benefit: 2_000, paid: 8_000 }
 * benefitClawback('CRP02', { ...order, alreadyRefunded: 0, alreadyClawedBack: 0, refundAmount: 5_000 }) // 1000
 * benefitClawback('CRP01', { ...order, alreadyRefunded: 0, alreadyClawedBack: 0, refundAmount: 5_000 }) // 2000
 * benefitClawback('CRP03', { ...order, alreadyRefunded: 5_000, alreadyClawedBack: 0, refundAmount: 5_000 }) // 2000
 */
export function benefitClawback(policy: RefundPolicy, parameters: BenefitClawbackParameters): number {
  checkFen(parameters)
  const { orderAmount, benefit, paid, alreadyRefunded, alreadyClawedBack, refundAmount } = parameters
  const refundedAfter = alreadyRefunded + refundAmount
  if (refundedAfter > orderAmount) {
    throw createEcnyError(
      'refund_exceeds_paid',
      `This refund of ${refundAmount} fen would bring refunds to ${refundedAfter} fen, more than the order's ${orderAmount} fen.`,
      {
        hint: `At most ${orderAmount - alreadyRefunded} fen of this order is left to refund.`,
        details: { orderAmount, alreadyRefunded, refundAmount },
      },
    )
  }
  const benefitLeft = benefit - alreadyClawedBack
  const full = refundedAfter === orderAmount
  let clawback: number
  switch (policy) {
    case 'CRP01':
      clawback = Math.min(refundAmount, benefitLeft)
      break
    case 'CRP02': {
      const target = full ? benefit : mulDivFloor(benefit, refundedAfter, orderAmount)
      clawback = Math.max(0, Math.min(target - alreadyClawedBack, refundAmount, benefitLeft))
      break
    }
    case 'CRP03':
      clawback = full ? benefitLeft : 0
      break
    case 'CRP04':
      clawback = 0
      break
    default:
      throw new InvalidRequestError('invalid_request', `Unknown refund policy '${String(policy)}'.`, {
        hint: 'Use CRP01 (benefit first), CRP02 (pro rata), CRP03 (only on a full refund) or CRP04 (never).',
      })
  }
  const toWalletAfter = alreadyRefunded - alreadyClawedBack + refundAmount - clawback
  if (toWalletAfter > paid || clawback > refundAmount) {
    const cashLeft = paid - (alreadyRefunded - alreadyClawedBack)
    throw createEcnyError(
      'refund_exceeds_paid',
      `This refund would return ${toWalletAfter} fen to the wallet in total, more than the ${paid} fen it paid: ${POLICY_NOTES[policy]}.`,
      {
        hint:
          policy === 'CRP03'
            ? `Refund at most ${cashLeft} fen now, or the whole remaining ${orderAmount - alreadyRefunded} fen in one refund.`
            : `Refund at most ${cashLeft} fen more.`,
        details: { policy, orderAmount, benefit, paid, alreadyRefunded, alreadyClawedBack, refundAmount },
      },
    )
  }
  return clawback
}
