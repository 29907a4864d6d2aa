import { checkGovEBillRequest, ebillFormat, ebillSignatureType } from '@ecny/protocol'
import { CompactSign, importJWK } from 'jose'
import type * as z from 'zod/mini'
import type { GatewayKeyRing } from '../signing/gatewayKeyRing.js'
import { parseParams } from '../support/parseParams.js'
import { notFound } from '../support/railsError.js'
import { formatTimestamp } from '../support/shanghaiTime.js'
import { govBillById } from './govBillLookups.js'
import type { GovContext } from './govContext.js'
import type { GovPaymentBillRecord, GovPaymentRecord } from './govPaymentState.js'

/**
 * The e-bill of one payment, as the gateway certifies it: 财政电子票据 for a non-tax bill, 完税证明
 * (tax payment certificate) for a tax one — bill code, number, check code, issuing agency, payer,
 * items (the principal covered, then any late fee), amount, when it was paid.
 */
export function govEBillOf(gc: GovContext, record: GovPaymentBillRecord, payment: GovPaymentRecord) {
  void gc
  return {
    documentType: record.kind === 'tax' ? 'tax_payment_certificate' : 'fiscal_ebill',
    billCode: payment.ebill.billCode,
    number: payment.ebill.number,
    checkCode: payment.ebill.checkCode,
    issuingAgency: { code: record.agencyCode, name: record.agencyName },
    payerName: record.payerName,
    taxpayerId: record.taxpayerId,
    paymentCode: record.paymentCode,
    billType: record.billType,
    items: payment.items.map((item) => ({ ...item })),
    amount: payment.amount,
    currency: 'CNY' as const,
    paymentChannel: 'e-CNY' as const,
    orderId: payment.orderId,
    paidAt: formatTimestamp(payment.paidAt),
    issuedAt: formatTimestamp(payment.ebill.issuedAt),
  }
}

export type GovEBillRecord = ReturnType<typeof govEBillOf>

/**
 * `POST /v1/gov/ebills/check` (查验): the e-bill with this bill code and number, if the check code
 * matches; `not_found` otherwise (a wrong check code says no more than an unknown number).
 */
export function checkGovEBill(gc: GovContext, input: z.input<typeof checkGovEBillRequest>) {
  const params = parseParams(checkGovEBillRequest, input)
  const billId = gc.gov.govEBills.get(`${params.billCode}\u241f${params.number}`)
  const record = billId === undefined ? undefined : govBillById(gc, billId)
  const payment = record?.payments.find(
    (p) => p.ebill.number === params.number && p.ebill.billCode === params.billCode,
  )
  if (!record || !payment || payment.ebill.checkCode !== params.checkCode)
    throw notFound('e-bill', `${params.billCode}/${params.number}`)
  return govEBillOf(gc, record, payment)
}

/** Every e-bill of a registered bill, oldest first. */
export function govBillEBills(gc: GovContext, billId: string) {
  const record = govBillById(gc, billId)
  return record.payments.map((payment) => govEBillOf(gc, record, payment))
}

const encoder = new TextEncoder()
const importedKeys = new Map<string, Promise<CryptoKey>>()

/**
 * Signs an e-bill with the gateway's newest key: a compact JWS (typ `ecny-ebill+jws`) whose payload
 * is the e-bill's JSON, next to the e-bill itself, so the saved document stays readable and can be
 * verified (`verifyEBill`) years later against the gateway's published keys.
 */
export async function signGovEBill(keys: GatewayKeyRing, ebill: GovEBillRecord) {
  await keys.jwks() // makes sure a key exists
  const record = keys.export().at(-1)!
  let key = importedKeys.get(record.kid)
  if (!key) {
    key = importJWK(record.privateJwk, 'ES256') as Promise<CryptoKey>
    importedKeys.set(record.kid, key)
  }
  const signature = await new CompactSign(encoder.encode(JSON.stringify(ebill)))
    .setProtectedHeader({ alg: 'ES256', kid: record.kid, typ: ebillSignatureType })
    .sign(await key)
  return { format: ebillFormat, ebill, signature }
}
