import { createClient, renderEBillHtml, verifyEBill } from '@ecny/sdk-core'
import { useMerchantRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { createMerchantClient, govLateFeeRules } from '../src/index.js'

const h = useMerchantRails()
const agencyCode = '320500001'
const dayMs = 86_400_000
/** Today in Shanghai by the rails clock, plus `days`. */
const shanghaiDate = (days = 0) =>
  new Date(h.rails.clock.now() + 8 * 3_600_000 + days * dayMs).toISOString().slice(0, 10)

async function scene() {
  return h.client.onboarding.createScene({
    kind: 'government',
    name: '苏州交警',
    areaCode: '320500',
    agency: '苏州市公安局交通警察支队',
    billTypes: ['fine', 'tax'],
  })
}

const fineItems = [
  { code: 'FINE', name: '交通违法罚款', amount: 20_000 },
  { code: 'FEE', name: '工本费', amount: 1_000 },
]

describe('government bills by 缴款码 end to end', () => {
  it('registers a bill, the payer looks it up masked, pays from a wallet and verifies the e-bill', async () => {
    const { id: sceneId } = await scene()
    const bill = await h.client.gov.registerBill({
      sceneId,
      kind: 'non_tax',
      agencyCode,
      billType: 'fine',
      billNo: 'JJ-2026-0001',
      payerName: '李小四',
      items: fineItems,
      dueDate: shanghaiDate(15),
      lateFee: govLateFeeRules.administrativeFine,
    })
    expect(bill).toMatchObject({ status: 'unpaid', amount: 21_000, amountDue: 21_000, payerName: '李小四' })
    expect(bill.paymentCode).toMatch(/^320500\d{14}$/)

    const payer = createClient({ baseUrl: h.client.baseUrl, credentials: h.credentials, maxRetries: 2 })
    const seen = await payer.gov.lookup({ paymentCode: bill.paymentCode, agencyCode })
    expect(seen).toMatchObject({ payerName: '**四', amountDue: 21_000, items: fineItems })

    const wallet = h.fundedWallet(50_000)
    const paid = await payer.gov.pay({ paymentCode: bill.paymentCode, agencyCode, walletId: wallet })
    expect(paid.bill).toMatchObject({ status: 'paid', amountDue: 0, payments: [{ walletId: null }] })
    expect(h.balanceOf(wallet)).toBe(50_000 - 21_000)
    expect(paid.ebill.ebill).toMatchObject({
      documentType: 'fiscal_ebill',
      billCode: '32050001',
      issuingAgency: { code: agencyCode, name: '苏州市公安局交通警察支队' },
      payerName: '李小四',
      items: fineItems,
      amount: 21_000,
    })

    const jwks = await h.rails.jwks()
    const html = renderEBillHtml(paid.ebill)
    expect(html).toContain(paid.ebill.ebill.checkCode)
    expect(await verifyEBill(html, { gatewayKeys: jwks })).toEqual(paid.ebill.ebill)
    expect(await payer.gov.verifyEBill(JSON.stringify(paid.ebill))).toEqual(paid.ebill.ebill)
    // The agency side takes the gateway's keys directly too: per call, or as the client's gatewayKeys.
    expect(await h.client.gov.verifyEBill(html, { gatewayKeys: jwks })).toEqual(paid.ebill.ebill)
    const offline = createMerchantClient({
      baseUrl: 'http://127.0.0.1:9', // nothing listens: the keys must come from gatewayKeys
      credentials: h.credentials,
      gatewayKeys: jwks,
    })
    expect(await offline.gov.verifyEBill(paid.ebill)).toEqual(paid.ebill.ebill)
    await expect(
      offline.gov.verifyEBill(html.replaceAll('李小四', '王五'), { gatewayKeys: jwks }),
    ).rejects.toMatchObject({ code: 'signature_invalid' })
    // Still verifies after the gateway rotated its key (old keys stay published).
    await h.rails.rotateGatewayKey()
    expect(await verifyEBill(paid.ebill, { gatewayKeys: await h.rails.jwks() })).toMatchObject({
      amount: 21_000,
    })
    // An altered amount is refused.
    const forged = { ...paid.ebill, ebill: { ...paid.ebill.ebill, amount: 1 } }
    await expect(verifyEBill(forged, { gatewayKeys: jwks })).rejects.toMatchObject({
      code: 'signature_invalid',
    })
    await expect(verifyEBill(html.replaceAll('李小四', '王五'), { gatewayKeys: jwks })).rejects.toMatchObject(
      {
        code: 'signature_invalid',
      },
    )

    // Fetched again by what is printed on it; the agency sees the same e-bill.
    const { billCode, number, checkCode } = paid.ebill.ebill
    expect((await payer.gov.checkEBill({ billCode, number, checkCode })).ebill).toEqual(paid.ebill.ebill)
    await expect(payer.gov.checkEBill({ billCode, number, checkCode: '000000' })).rejects.toMatchObject({
      code: 'not_found',
    })
    expect((await h.client.gov.eBills({ billId: bill.id })).map((e) => e.ebill.number)).toEqual([number])

    await expect(
      payer.gov.pay({ paymentCode: bill.paymentCode, agencyCode, walletId: wallet }),
    ).rejects.toMatchObject({ code: 'bill_already_paid', details: { ebillNumber: number } })
  })

  it('refuses an unknown code, a wrong agency and a mistyped check digit with typed errors', async () => {
    const { id: sceneId } = await scene()
    const bill = await h.client.gov.registerBill({
      sceneId,
      kind: 'non_tax',
      agencyCode,
      billType: 'fine',
      payerName: '李四',
      items: fineItems,
      dueDate: shanghaiDate(1),
    })
    const last = Number(bill.paymentCode.at(-1))
    const mistyped = `${bill.paymentCode.slice(0, -1)}${(last + 1) % 10}`
    await expect(h.client.gov.lookup({ paymentCode: mistyped, agencyCode })).rejects.toMatchObject({
      code: 'invalid_request',
    })
    // A well-formed code nobody issued: swap two different digits and fix the check digit.
    const unknown = '32050000000000000000'.slice(0, 19)
    const { govPaymentCodeCheckDigit } = await import('@ecny/sdk-core')
    await expect(
      h.client.gov.lookup({ paymentCode: unknown + govPaymentCodeCheckDigit(unknown), agencyCode }),
    ).rejects.toMatchObject({ code: 'bill_code_unknown', name: 'NotFoundError' })
    await expect(
      h.client.gov.lookup({ paymentCode: bill.paymentCode, agencyCode: '320500999' }),
    ).rejects.toMatchObject({ code: 'bill_agency_mismatch', name: 'InvalidRequestError' })
  })

  it('adds the late fee by the rails clock (days after the due date), takes parts where the bill says, then expires the code', async () => {
    const { id: sceneId } = await scene()
    const bill = await h.client.gov.registerBill({
      sceneId,
      kind: 'tax',
      agencyCode: '91320500TAX',
      billType: 'tax',
      payerName: '苏州某某科技有限公司',
      taxpayerId: '91320500MA1XXXXX0X'.replace(/X/g, '1'),
      taxPeriod: '2026-02',
      items: [{ code: 'VAT', name: '增值税', amount: 300_000 }],
      dueDate: shanghaiDate(-10),
      payableUntil: shanghaiDate(20),
      lateFee: govLateFeeRules.tax,
      partial: { minAmount: 50_000 },
    })
    const payer = createClient({ baseUrl: h.client.baseUrl, credentials: h.credentials, maxRetries: 2 })
    const code = { paymentCode: bill.paymentCode, agencyCode: '91320500TAX' }
    // 10 days × 0.05 % of ¥3 000 = ¥15.00
    expect(await payer.gov.lookup(code)).toMatchObject({
      status: 'overdue',
      lateFeeDue: 1_500,
      amountDue: 301_500,
    })
    const wallet = h.fundedWallet(500_000)
    await expect(payer.gov.pay({ ...code, walletId: wallet, amount: 20_000 })).rejects.toMatchObject({
      code: 'invalid_request',
    })
    const part = await payer.gov.pay({ ...code, walletId: wallet, amount: 150_000 })
    expect(part.ebill.ebill).toMatchObject({
      documentType: 'tax_payment_certificate',
      billCode: '32050002',
      items: [{ code: 'VAT', amount: 150_000 }],
    })
    expect(part.bill).toMatchObject({ paidPrincipal: 150_000, lateFeeDue: 1_500, amountDue: 151_500 })

    // The QR path at the counter: what is due today.
    const qr = await h.client.gov.qrForPaymentBill({ billId: bill.id })
    expect(qr.amountDue).toBe(151_500)
    const { orderId } = h.rails.engine.resolveQr(qr.qrPayload)
    h.rails.engine.payOrder(orderId, { walletId: wallet })
    const done = await h.client.gov.getPaymentBill({ billId: bill.id })
    expect(done).toMatchObject({ status: 'paid', paidLateFee: 1_500, amountDue: 0 })
    expect(done.payments.at(-1)?.ebill.number).toBe('0000000002')

    const statement = await h.client.gov.statement({ agencyCode: '91320500TAX', date: shanghaiDate(0) })
    expect(statement.rows.map((row) => row.ebillNumber)).toEqual(['0000000001', '0000000002'])
    expect(statement.totals).toEqual({ count: 2, principal: 300_000, lateFee: 1_500, amount: 301_500 })

    const late = await h.client.gov.registerBill({
      sceneId,
      kind: 'non_tax',
      agencyCode,
      billType: 'fine',
      payerName: '李四',
      items: fineItems,
      dueDate: shanghaiDate(-1),
    })
    await expect(
      payer.gov.pay({ paymentCode: late.paymentCode, agencyCode, walletId: wallet }),
    ).rejects.toMatchObject({ code: 'bill_code_expired', details: { payableUntil: late.dueDate } })
  })
})
