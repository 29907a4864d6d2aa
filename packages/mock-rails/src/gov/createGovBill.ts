import { createGovBillRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import { nextId } from '../engine/engineContext.js'
import { invalidField } from '../merchants/invalidField.js'
import type { MerchantContext } from '../merchants/merchantContext.js'
import { approvedMerchant, sceneRecord } from '../merchants/merchantLookups.js'
import type { BillRecord } from '../merchants/merchantState.js'
import { parseParams } from '../support/parseParams.js'
import { RailsError } from '../support/railsError.js'
import { isCalendarDate } from '../support/shanghaiTime.js'
import { wireBill } from './billRecord.js'

/** `POST /v1/gov/bills`: the same bill number with the same details returns the bill already issued. */
export function createGovBill(mc: MerchantContext, input: z.input<typeof createGovBillRequest>) {
  const params = parseParams(createGovBillRequest, input)
  const scene = sceneRecord(mc, params.sceneId)
  approvedMerchant(mc, scene.merchantId)
  if (scene.kind !== 'government')
    throw invalidField('sceneId', `scene ${scene.id} is a ${scene.kind} scene, not a government one`)
  const settings = scene.settings as { agency: string; billTypes: string[] }
  if (!settings.billTypes.includes(params.billType)) {
    throw invalidField('billType', `must be one of this scene's bill types: ${settings.billTypes.join(', ')}`)
  }
  if (!isCalendarDate(params.dueDate)) throw invalidField('dueDate', 'is not a real date')
  const key = `${scene.id}\u241f${params.billNo}`
  const existingId = mc.store.govBillByNo.get(key)
  const agency = params.agency ?? settings.agency
  if (existingId !== undefined) {
    const existing = mc.store.govBills.get(existingId)!
    if (
      existing.amount === params.amount &&
      existing.payerName === params.payerName &&
      existing.billType === params.billType
    ) {
      return wireBill(mc, existing)
    }
    throw new RailsError(
      'conflict',
      `Bill number ${params.billNo} was already issued in this scene with other details.`,
      {
        billId: existing.id,
      },
    )
  }
  const record: BillRecord = {
    id: nextId(mc.ctx, 'bill'),
    sceneId: scene.id,
    merchantId: scene.merchantId,
    agency,
    billNo: params.billNo,
    billType: params.billType,
    payerName: params.payerName,
    amount: params.amount,
    dueDate: params.dueDate,
    canceled: false,
    orderIds: [],
    createdAt: mc.now(),
  }
  mc.store.govBills.set(record.id, record)
  mc.store.govBillByNo.set(key, record.id)
  return wireBill(mc, record)
}
