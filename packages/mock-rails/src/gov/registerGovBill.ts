import { registerGovBillRequest } from '@ecny/protocol'
import { govPaymentCodeCheckDigit } from '@ecny/sdk-core/internal'
import type * as z from 'zod/mini'
import { nextId } from '../engine/engineContext.js'
import { invalidField } from '../merchants/invalidField.js'
import { approvedMerchant, sceneRecord } from '../merchants/merchantLookups.js'
import { parseParams } from '../support/parseParams.js'
import { RailsError } from '../support/railsError.js'
import { isCalendarDate } from '../support/shanghaiTime.js'
import { govBillToWire } from './govBillWire.js'
import type { GovContext } from './govContext.js'
import type { GovPaymentBillRecord } from './govPaymentState.js'
import { addDays } from './lateFee.js'

/**
 * Days after the due date a bill with a late-fee rule stays payable unless it says otherwise. An
 * operator setting (unconfirmed: agencies set their own); a bill's `payableUntil` overrides it.
 */
export const defaultPayableDaysAfterDue = 180

/**
 * `POST /v1/gov/payment-bills`: the agency registers a bill and the rails issue its 缴款码 — the
 * scene's area code, 13 random digits and a Luhn check digit. The same `billNo` with the same
 * details returns the bill already registered; with other details it is a `conflict`.
 */
export function registerGovBill(gc: GovContext, input: z.input<typeof registerGovBillRequest>) {
  const params = parseParams(registerGovBillRequest, input)
  const scene = sceneRecord(gc, params.sceneId)
  approvedMerchant(gc, scene.merchantId)
  if (scene.kind !== 'government')
    throw invalidField('sceneId', `scene ${scene.id} is a ${scene.kind} scene, not a government one`)
  const settings = scene.settings as { agency: string; billTypes: string[] }
  if (!settings.billTypes.includes(params.billType))
    throw invalidField('billType', `must be one of this scene's bill types: ${settings.billTypes.join(', ')}`)
  if (!isCalendarDate(params.dueDate)) throw invalidField('dueDate', 'is not a real date')
  if (params.payableUntil !== undefined && !isCalendarDate(params.payableUntil))
    throw invalidField('payableUntil', 'is not a real date')
  if (params.payableUntil !== undefined && params.payableUntil < params.dueDate)
    throw invalidField('payableUntil', 'must not be before dueDate')
  if (params.kind === 'tax' && (params.taxpayerId === undefined || params.taxPeriod === undefined))
    throw invalidField(
      params.taxpayerId === undefined ? 'taxpayerId' : 'taxPeriod',
      'is required for a tax bill',
    )
  const amount = params.items.reduce((sum, item) => sum + item.amount, 0)
  if (amount > Number.MAX_SAFE_INTEGER) throw invalidField('items', 'add up to too much')
  const details = {
    kind: params.kind,
    agencyCode: params.agencyCode,
    billType: params.billType,
    payerName: params.payerName,
    amount,
    dueDate: params.dueDate,
  }
  const noKey = params.billNo === undefined ? undefined : `${scene.id}\u241f${params.billNo}`
  const existingId = noKey === undefined ? undefined : gc.gov.govPaymentBillByNo.get(noKey)
  if (existingId !== undefined) {
    const existing = gc.gov.govPaymentBills.get(existingId)!
    const same = Object.entries(details).every(
      ([key, value]) => existing[key as keyof typeof details] === value,
    )
    if (same) return govBillToWire(gc, existing, 'agency')
    throw new RailsError(
      'conflict',
      `Bill number ${params.billNo} was already registered in this scene with other details.`,
      { billId: existing.id },
    )
  }
  const record: GovPaymentBillRecord = {
    id: nextId(gc.ctx, 'gbill'),
    sceneId: scene.id,
    merchantId: scene.merchantId,
    areaCode: scene.areaCode,
    paymentCode: issuePaymentCode(gc, scene.areaCode),
    agencyName: params.agencyName ?? settings.agency,
    billNo: params.billNo ?? null,
    taxpayerId: params.taxpayerId ?? null,
    taxPeriod: params.taxPeriod ?? null,
    items: params.items.map((item) => ({ ...item })),
    payableUntil:
      params.payableUntil ??
      (params.lateFee ? addDays(params.dueDate, defaultPayableDaysAfterDue) : params.dueDate),
    lateFee: params.lateFee ? { ...params.lateFee } : null,
    partial: params.partial ? { ...params.partial } : null,
    payments: [],
    pendingOrderIds: [],
    createdAt: gc.now(),
    ...details,
  }
  gc.gov.govPaymentBills.set(record.id, record)
  gc.gov.govPaymentBillByCode.set(record.paymentCode, record.id)
  if (noKey !== undefined) gc.gov.govPaymentBillByNo.set(noKey, record.id)
  return govBillToWire(gc, record, 'agency')
}

function issuePaymentCode(gc: GovContext, areaCode: string): string {
  for (;;) {
    let body = areaCode
    for (let i = 0; i < 13; i++) body += gc.ctx.random.int(10)
    const code = body + govPaymentCodeCheckDigit(body)
    if (!gc.gov.govPaymentBillByCode.has(code)) return code
  }
}
