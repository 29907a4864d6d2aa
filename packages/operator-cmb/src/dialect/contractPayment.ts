import { contractPayment, contractShareHundredths } from '@ecny/protocol'
import { InvalidRequestError } from '@ecny/sdk-core'
import { z } from '@ecny/sdk-core/internal'

/**
 * A smart-contract payment (CMB `contractUnifiedOrder`, §2.7.2.1): the protocol's `contractPayment`
 * schema (`createOrder`'s `contract` input), checked again here for calls made with `client.request`.
 */
export const contractPaymentSchema = contractPayment

const hundredths = contractShareHundredths

export type ContractPayment = z.output<typeof contractPaymentSchema>

/** Integer fen as CMB's yuan decimals: 1250 → `12.50`. */
export function fenToYuan(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

/** `12.50` → 1250; `undefined` for anything else. */
export function yuanToFen(yuan: unknown): number | undefined {
  const m =
    typeof yuan === 'string' || typeof yuan === 'number' ? /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(yuan)) : null
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0')) : undefined
}

/**
 * Checks a contract payment and builds CMB's `contractReq` for an order.
 *
 * @example
 * contractRequestOf({ delayTime: 1, timeUnit: 'day', benefitList: [{ benefitWalletId: 'W1', percent: 1 }] },
 *   { merchantOrderNo: 'A-1', amount: 1250, description: 'Latte' })
 */
export function contractRequestOf(
  input: unknown,
  order: { merchantOrderNo: string; amount: number; description: string },
): Record<string, unknown> {
  const parsed = z.safeParse(contractPaymentSchema, input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new InvalidRequestError(
      'invalid_request',
      `Invalid contract payment: contract.${issue.path.join('.') || '(root)'}: ${issue.message}.`,
      { hint: 'Fix the field named above; nothing was sent to CMB.' },
    )
  }
  const contract = parsed.data
  const amount = fenToYuan(order.amount)
  return {
    customId: contract.customId ?? order.merchantOrderNo,
    goodsOrderId: order.merchantOrderNo,
    goodsInfos: [{ goodsInfo: order.description, goodsAmounts: amount }],
    goodsOrderAmounts: amount,
    delayTime: contract.delayTime,
    timeUnit: contract.timeUnit,
    benefitList: contract.benefitList.map((b) => ({
      benefitWalletId: b.benefitWalletId,
      percent: (hundredths(b.percent) / 100).toFixed(2),
    })),
  }
}
