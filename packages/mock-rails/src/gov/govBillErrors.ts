import { RailsError } from '../support/railsError.js'

/** The typed refusals of a 缴款码 lookup or payment, worded for the payer. */
export const govBillErrors = {
  unknownCode: (paymentCode: string) =>
    new RailsError(
      'bill_code_unknown',
      `No bill has the 缴款码 ${paymentCode}. Check the code on the notice, or ask the agency to issue the bill again.`,
      { paymentCode },
    ),
  wrongAgency: (paymentCode: string, agencyCode: string) =>
    new RailsError(
      'bill_agency_mismatch',
      `The 缴款码 ${paymentCode} was not issued for agency code ${agencyCode}. Enter the 执收单位编码 printed next to the code.`,
      { paymentCode, agencyCode },
    ),
  expired: (paymentCode: string, payableUntil: string) =>
    new RailsError(
      'bill_code_expired',
      `The 缴款码 ${paymentCode} could be paid until ${payableUntil}. Ask the collecting agency for a new bill.`,
      { paymentCode, payableUntil },
    ),
  alreadyPaid: (paymentCode: string, ebillNumber: string | undefined) =>
    new RailsError(
      'bill_already_paid',
      `The bill with 缴款码 ${paymentCode} is paid. Fetch its e-bill instead of paying again.`,
      { paymentCode, ...(ebillNumber !== undefined && { ebillNumber }) },
    ),
  invalidAmount: (message: string, details: { amount: number; amountDue: number }) =>
    new RailsError('invalid_request', `Invalid request: amount: ${message}`, {
      issues: [{ path: 'amount', message }],
      ...details,
    }),
}
