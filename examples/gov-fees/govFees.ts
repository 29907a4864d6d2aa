import { createClient, formatYuan, type ServerCredentials } from '@ecny/sdk-core'
import { createMerchantClient, type GetGovBillReceiptReturnType, type GovBill } from '@ecny/sdk-merchant'

export type GovFeesDemoOptions = {
  gatewayUrl: string
  /** The collecting agency's (or its bank's) server credentials. */
  credentials: ServerCredentials
  merchantId?: string
  print?: (line: string) => void
}

export type GovFeesDemoResult = { bill: GovBill; receipt: GetGovBillReceiptReturnType; payerWalletId: string }

const yuan = (fen: number) => `¥${formatYuan(fen, { grouping: true })}`

/** Today in Asia/Shanghai plus `days`, as `YYYY-MM-DD`. */
function shanghaiDatePlus(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)
}

/**
 * A tax bureau collects a fee: a `government` scene, a bill issued to a payer, the bill made payable
 * by QR, the payer's wallet app scanning and paying it, and the receipt once the payment succeeded.
 */
export async function runGovFeesDemo(options: GovFeesDemoOptions): Promise<GovFeesDemoResult> {
  const print = options.print ?? ((line: string) => console.log(line))
  const agency = createMerchantClient({
    baseUrl: options.gatewayUrl,
    credentials: options.credentials,
    ...(options.merchantId !== undefined && { merchantId: options.merchantId }),
  })

  const scene = await agency.onboarding.createScene({
    kind: 'government',
    name: 'Suzhou Tax Service',
    areaCode: '320500',
    agency: 'Suzhou Municipal Tax Bureau',
    billTypes: ['tax', 'vehicle_fee', 'fine'],
  })
  const bill = await agency.gov.createBill({
    sceneId: scene.id,
    billNo: `VEH-${Date.now()}`,
    billType: 'vehicle_fee',
    payerName: 'Li Si',
    amount: 48_000, // ¥480.00
    dueDate: shanghaiDatePlus(30),
  })
  print(
    `Bill ${bill.billNo}: ${bill.billType} of ${yuan(bill.amount)} for ${bill.payerName}, due ${bill.dueDate} (${bill.status})`,
  )

  // Printed on the notice, or shown at the counter.
  const payable = await agency.gov.payByQr({ billId: bill.id, expiresInSeconds: 900 })
  print(`QR to scan: ${payable.qrPayload} (order ${payable.orderId})`)

  // The payer's wallet app scans the code and pays.
  const walletApp = createClient({ baseUrl: options.gatewayUrl, credentials: options.credentials })
  const wallet = await walletApp.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13600001234' })
  await walletApp.wallets.topUp({ walletId: wallet.id, amount: 100_000, bankCard: '6222020000000007' })
  const resolved = await walletApp.payments.resolveQr({ payload: payable.qrPayload })
  print(`Wallet app: pay ${yuan(resolved.amount)} to ${resolved.merchantName} for "${resolved.description}"?`)
  await walletApp.payments.pay({ orderId: resolved.orderId, walletId: wallet.id, amount: resolved.amount })

  // The bureau issues the receipt once the order succeeded (it would also get order.succeeded).
  await agency.orders.waitForFinal({ orderId: payable.orderId })
  let paid = await agency.gov.getBill({ billId: bill.id })
  for (let i = 0; paid.status !== 'paid' && i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    paid = await agency.gov.getBill({ billId: bill.id })
  }
  const receipt = await agency.gov.receipt({ billId: bill.id })
  print('')
  print('  ┌─ Receipt ──────────────────────────────────────')
  print(`  │ ${receipt.agency}`)
  print(`  │ Receipt no.  ${receipt.receiptNo}`)
  print(`  │ Bill no.     ${receipt.billNo}`)
  print(`  │ Amount       ${yuan(receipt.amount)}`)
  print(`  │ Paid at      ${receipt.paidAt}`)
  print('  └────────────────────────────────────────────────')
  return { bill: paid, receipt, payerWalletId: wallet.id }
}
