import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  createClient,
  type EcnyClient,
  EcnyError,
  formatYuan,
  type GovAgencyStatement,
  type GovPaymentBill,
  govPaymentCodeCheckDigit,
  renderEBillHtml,
  type ServerCredentials,
  type SignedGovEBill,
} from '@ecny/sdk-core'
import { createMerchantClient, govLateFeeRules, type MerchantClient } from '@ecny/sdk-merchant'

export type GovFeesDemoOptions = {
  gatewayUrl: string
  /** The collecting agencies' bank's server credentials (the same sandbox credential serves the wallet app). */
  credentials: ServerCredentials
  merchantId?: string
  /** Where the citizen saves the e-bill (JSON and printable HTML). */
  outDir: string
  print?: (line: string) => void
}

/** One agency's day, reconciled: the statement, and whether every row matched an e-bill issued. */
export type AgencyDay = { statement: GovAgencyStatement; reconciled: boolean }

export type GovFeesDemoResult = {
  agencyCodes: { police: string; tax: string }
  /** Each bill as the agency sees it at the end. */
  bills: { byWallet: GovPaymentBill; byQr: GovPaymentBill; late: GovPaymentBill; expired: GovPaymentBill }
  /** What the citizen saw when entering the 缴款码 (masked). */
  lookedUp: GovPaymentBill
  lookedUpLate: GovPaymentBill
  saved: { jsonPath: string; htmlPath: string; tamperedPath: string; ebill: SignedGovEBill }
  verified: { fromJson: number; fromHtml: number; tamperedCode: string }
  errors: { unknownCode: string; expiredCode: string; wrongAgency: string; alreadyPaid: string }
  wallets: { zhang: string; li: string; wang: string }
  days: { police: AgencyDay; tax: AgencyDay }
}

const yuan = (fen: number) => `¥${formatYuan(fen, { grouping: true })}`

/** Today in Asia/Shanghai plus `days`, as `YYYY-MM-DD`. */
const shanghaiDatePlus = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)

/** The code of the typed error `attempt` throws (anything else is not part of the story and rethrown). */
async function refusal(attempt: Promise<unknown>, print: (line: string) => void): Promise<string> {
  try {
    await attempt
  } catch (error) {
    if (!(error instanceof EcnyError)) throw error
    print(`    ✗ ${error.code}: ${error.shortMessage}`)
    return error.code
  }
  throw new Error('expected the gateway to refuse')
}

async function citizenWallet(walletApp: EcnyClient, mobile: string, amount: number): Promise<string> {
  const wallet = await walletApp.wallets.open({ type: 'WT01', level: 'WL04', mobile })
  await walletApp.wallets.topUp({ walletId: wallet.id, amount, bankCard: '6222020000000007' })
  return wallet.id
}

function printLookup(bill: GovPaymentBill, print: (line: string) => void) {
  print(`    ${bill.agencyName} — ${bill.billType} for ${bill.payerName} (status ${bill.status})`)
  for (const item of bill.items) print(`      ${item.name.padEnd(12, '　')} ${yuan(item.amount)}`)
  const fee = bill.lateFee ? ` (${bill.lateFee.dailyRatePerTenThousand / 100} % a day after it)` : ''
  print(`      due ${bill.dueDate}${fee}; late fee today ${yuan(bill.lateFeeDue)}`)
  print(`      to pay today: ${yuan(bill.amountDue)}`)
}

/** The agency's day for one 执收单位编码: every statement row matches an e-bill of its bills, and the totals add up. */
async function reconcileDay(
  agency: MerchantClient,
  agencyCode: string,
  billIds: string[],
  date: string,
): Promise<AgencyDay> {
  const statement = await agency.gov.statement({ agencyCode, date })
  const issued = new Map<string, number>()
  for (const billId of billIds)
    for (const { ebill } of await agency.gov.eBills({ billId })) issued.set(ebill.number, ebill.amount)
  const rowsMatch = statement.rows.every((row) => issued.get(row.ebillNumber) === row.amount)
  const total = statement.rows.reduce((sum, row) => sum + row.amount, 0)
  return { statement, reconciled: rowsMatch && total === statement.totals.amount }
}

/**
 * A day of government payments by 缴款码: the traffic police and the tax bureau register bills (a
 * fine, a fee, an individual income tax bill), citizens enter the 缴款码 and the agency code, see the
 * masked bill and pay — from the wallet, by scanning the counter's QR code, one late with the late
 * fee — the citizen saves the fiscal e-bill and verifies it later (a tampered copy fails), the
 * clear refusals, and each agency reconciles its day.
 */
export async function runGovFeesDemo(options: GovFeesDemoOptions): Promise<GovFeesDemoResult> {
  const print = options.print ?? ((line: string) => console.log(line))
  const agency = createMerchantClient({
    baseUrl: options.gatewayUrl,
    credentials: options.credentials,
    ...(options.merchantId !== undefined && { merchantId: options.merchantId }),
  })
  const walletApp = createClient({ baseUrl: options.gatewayUrl, credentials: options.credentials })
  const agencyCodes = { police: '320500101', tax: '91320500TAX' }

  print('1. The agencies register their bills; the gateway issues each a 缴款码')
  const police = await agency.onboarding.createScene({
    kind: 'government',
    name: '苏州交警',
    areaCode: '320500',
    agency: '苏州市公安局交通警察支队',
    billTypes: ['fine', 'fee'],
  })
  const taxScene = await agency.onboarding.createScene({
    kind: 'government',
    name: '苏州税务',
    areaCode: '320500',
    agency: '国家税务总局苏州市税务局',
    billTypes: ['iit'],
  })
  const fine = await agency.gov.registerBill({
    sceneId: police.id,
    kind: 'non_tax',
    agencyCode: agencyCodes.police,
    billType: 'fine',
    billNo: 'JJ-0001',
    payerName: '张小三',
    items: [
      { code: 'FINE', name: '交通违法罚款', amount: 20_000 },
      { code: 'FEE', name: '工本费', amount: 1_000 },
    ],
    dueDate: shanghaiDatePlus(15),
    lateFee: govLateFeeRules.administrativeFine,
  })
  const plateFee = await agency.gov.registerBill({
    sceneId: police.id,
    kind: 'non_tax',
    agencyCode: agencyCodes.police,
    billType: 'fee',
    billNo: 'JJ-0002',
    payerName: '李四',
    items: [{ code: 'PLATE', name: '机动车号牌工本费', amount: 10_000 }],
    dueDate: shanghaiDatePlus(30),
  })
  const incomeTax = await agency.gov.registerBill({
    sceneId: taxScene.id,
    kind: 'tax',
    agencyCode: agencyCodes.tax,
    billType: 'iit',
    billNo: 'IIT-2026-0001',
    payerName: '王五',
    taxpayerId: '320501199001011234',
    taxPeriod: '2026-09',
    items: [{ code: 'IIT', name: '个人所得税', amount: 120_000 }],
    dueDate: shanghaiDatePlus(-10), // the deadline passed ten days ago
    payableUntil: shanghaiDatePlus(20),
    lateFee: govLateFeeRules.tax,
  })
  const stale = await agency.gov.registerBill({
    sceneId: police.id,
    kind: 'non_tax',
    agencyCode: agencyCodes.police,
    billType: 'fee',
    billNo: 'JJ-0003',
    payerName: '赵六',
    items: [{ code: 'PLATE', name: '机动车号牌工本费', amount: 10_000 }],
    dueDate: shanghaiDatePlus(-3), // no late-fee rule: payable until the due date only
  })
  for (const bill of [fine, plateFee, incomeTax, stale])
    print(
      `   ${bill.billNo!.padEnd(13)} ${bill.kind.padEnd(7)} ${yuan(bill.amount).padStart(10)}  缴款码 ${bill.paymentCode}`,
    )

  print('')
  print('2. 张小三 enters the 缴款码 and the 执收单位编码 in the wallet app')
  const zhang = await citizenWallet(walletApp, '13600000001', 100_000)
  const lookedUp = await walletApp.gov.lookup({
    paymentCode: fine.paymentCode,
    agencyCode: agencyCodes.police,
  })
  printLookup(lookedUp, print)
  const paid = await walletApp.gov.pay({
    paymentCode: fine.paymentCode,
    agencyCode: agencyCodes.police,
    walletId: zhang,
  })
  const { ebill } = paid.ebill
  print(
    `    ✓ paid ${yuan(ebill.amount)}; e-bill ${ebill.billCode} ${ebill.number}, check code ${ebill.checkCode}`,
  )

  print('')
  print('3. 张小三 saves the fiscal e-bill (财政电子票据)')
  await mkdir(options.outDir, { recursive: true })
  const base = join(options.outDir, `ebill-${ebill.billCode}-${ebill.number}`)
  const jsonPath = `${base}.json`
  const htmlPath = `${base}.html`
  await writeFile(jsonPath, `${JSON.stringify(paid.ebill, null, 2)}\n`)
  await writeFile(htmlPath, renderEBillHtml(paid.ebill))
  print(`    JSON: ${jsonPath}`)
  print(`    HTML: ${htmlPath} (open it in a browser to print)`)

  print('')
  print('4. 李四 pays the plate fee by scanning the QR code at the counter')
  const li = await citizenWallet(walletApp, '13600000002', 50_000)
  const counter = await agency.gov.qrForPaymentBill({ billId: plateFee.id })
  const scanned = await walletApp.payments.resolveQr({ payload: counter.qrPayload! })
  print(
    `    wallet app: pay ${yuan(scanned.amount)} to ${scanned.merchantName} for "${scanned.description}"?`,
  )
  await walletApp.payments.pay({ orderId: scanned.orderId, walletId: li, amount: scanned.amount })
  await agency.orders.waitForFinal({ orderId: scanned.orderId })
  const byQr = await agency.gov.getPaymentBill({ billId: plateFee.id })
  print(`    ✓ bill ${byQr.status}; e-bill ${byQr.payments[0]?.ebill.number} handed out by the agency`)

  print('')
  print('5. 王五 pays his income tax ten days late: the 滞纳金 is added')
  const wang = await citizenWallet(walletApp, '13600000003', 400_000)
  const lookedUpLate = await walletApp.gov.lookup({
    paymentCode: incomeTax.paymentCode,
    agencyCode: agencyCodes.tax,
  })
  printLookup(lookedUpLate, print)
  const paidLate = await walletApp.gov.pay({
    paymentCode: incomeTax.paymentCode,
    agencyCode: agencyCodes.tax,
    walletId: wang,
  })
  const certificate = paidLate.ebill.ebill
  print(`    ✓ paid ${yuan(certificate.amount)}; 完税证明 ${certificate.billCode} ${certificate.number}:`)
  for (const item of certificate.items) print(`      ${item.name.padEnd(8, '　')} ${yuan(item.amount)}`)

  print('')
  print('6. What the citizens are told when something is off')
  const neverIssued = '3205009999999999999'
  print(`   a 缴款码 nobody issued (${neverIssued}${govPaymentCodeCheckDigit(neverIssued)}):`)
  const unknownCode = await refusal(
    walletApp.gov.lookup({
      paymentCode: neverIssued + govPaymentCodeCheckDigit(neverIssued),
      agencyCode: agencyCodes.police,
    }),
    print,
  )
  print(`   ${stale.billNo}, due ${stale.dueDate}, paid today:`)
  const expiredCode = await refusal(
    walletApp.gov.pay({ paymentCode: stale.paymentCode, agencyCode: agencyCodes.police, walletId: li }),
    print,
  )
  print("   the fine's 缴款码 with the tax bureau's agency code:")
  const wrongAgency = await refusal(
    walletApp.gov.lookup({ paymentCode: fine.paymentCode, agencyCode: agencyCodes.tax }),
    print,
  )
  print('   张小三 pays the fine a second time:')
  const alreadyPaid = await refusal(
    walletApp.gov.pay({ paymentCode: fine.paymentCode, agencyCode: agencyCodes.police, walletId: zhang }),
    print,
  )

  print('')
  print('7. Months later 张小三 verifies the saved e-bill; a copy with the amount changed fails')
  const fromJson = await walletApp.gov.verifyEBill(await readFile(jsonPath, 'utf8'))
  const fromHtml = await walletApp.gov.verifyEBill(await readFile(htmlPath, 'utf8'))
  print(
    `    ✓ ${jsonPath}: ${yuan(fromJson.amount)} to ${fromJson.issuingAgency.name}, signed by the gateway`,
  )
  print(`    ✓ ${htmlPath}: ${yuan(fromHtml.amount)}, the same e-bill`)
  const printed = await walletApp.gov.checkEBill({
    billCode: ebill.billCode,
    number: ebill.number,
    checkCode: ebill.checkCode,
  })
  print(`    ✓ 查验 by the printed codes: the gateway still has e-bill ${printed.ebill.number}`)
  const tamperedPath = `${base}.tampered.json`
  const tampered = { ...paid.ebill, ebill: { ...paid.ebill.ebill, amount: 2_100 } }
  await writeFile(tamperedPath, JSON.stringify(tampered, null, 2))
  print(`    ${tamperedPath} (¥210.00 changed to ¥21.00):`)
  const tamperedCode = await refusal(walletApp.gov.verifyEBill(await readFile(tamperedPath, 'utf8')), print)

  print('')
  print('8. Each agency reconciles its day')
  const date = paid.bill.payments[0]!.paidAt.slice(0, 10) // paidAt is in Asia/Shanghai (+08:00)
  const days = {
    police: await reconcileDay(agency, agencyCodes.police, [fine.id, plateFee.id, stale.id], date),
    tax: await reconcileDay(agency, agencyCodes.tax, [incomeTax.id], date),
  }
  for (const [name, day] of Object.entries(days)) {
    const { statement } = day
    print(`   ${statement.agencyCode} (${name}) on ${statement.date}:`)
    for (const row of statement.rows)
      print(
        `     ${row.paidAt.slice(11, 19)} ${row.billNo ?? row.paymentCode} e-bill ${row.ebillNumber} ${yuan(row.principal)} + late fee ${yuan(row.lateFee)}`,
      )
    const { count, amount, lateFee } = statement.totals
    print(
      `     ${count} payment(s), ${yuan(amount)} (late fees ${yuan(lateFee)}): ${day.reconciled ? '✓ reconciled with the e-bills' : '✗ does not match'}`,
    )
  }

  const bills = {
    byWallet: await agency.gov.getPaymentBill({ billId: fine.id }),
    byQr,
    late: await agency.gov.getPaymentBill({ billId: incomeTax.id }),
    expired: await agency.gov.getPaymentBill({ billId: stale.id }),
  }
  return {
    agencyCodes,
    bills,
    lookedUp,
    lookedUpLate,
    saved: { jsonPath, htmlPath, tamperedPath, ebill: paid.ebill },
    verified: { fromJson: fromJson.amount, fromHtml: fromHtml.amount, tamperedCode },
    errors: { unknownCode, expiredCode, wrongAgency, alreadyPaid },
    wallets: { zhang, li, wang },
    days,
  }
}
