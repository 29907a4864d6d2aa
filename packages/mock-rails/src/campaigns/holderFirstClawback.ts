/**
 * The clawback of a refund when the campaign returns the holder's own money first
 * (`holderMoneyFirst`, BOC Suzhou 2022): a refund pays back what the wallet paid before any of the
 * benefit is taken back, so only the part of it beyond the holder's remaining cash is clawed back.
 * Applies to CRP01 and CRP02; CRP03 (only on a full refund) and CRP04 (never) already return the
 * holder's money first and keep their own rule. All integer fen; changes nothing.
 */
export function holderFirstClawback(input: {
  /** What the wallet paid net of the benefit. */
  paid: number
  benefit: number
  alreadyRefunded: number
  alreadyClawedBack: number
  refundAmount: number
}): number {
  const cashReturned = input.alreadyRefunded - input.alreadyClawedBack
  const cashLeft = Math.max(0, input.paid - cashReturned)
  const beyondCash = Math.max(0, input.refundAmount - cashLeft)
  return Math.min(beyondCash, input.benefit - input.alreadyClawedBack)
}
