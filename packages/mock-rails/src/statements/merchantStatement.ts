import { merchantDay } from '../engine/merchantDays.js'
import { invalidField } from '../merchants/invalidField.js'
import type { MerchantContext } from '../merchants/merchantContext.js'
import { merchantRecord } from '../merchants/merchantLookups.js'
import { isCalendarDate } from '../support/shanghaiTime.js'
import { statementCsv } from './statementCsv.js'

/** `GET /v1/statements/{date}`: the CSV of a merchant's orders and refunds of one Asia/Shanghai day. */
export function merchantStatement(mc: MerchantContext, merchantId: string, date: string): string {
  merchantRecord(mc, merchantId)
  if (!isCalendarDate(date)) throw invalidField('date', 'expected a real date written YYYY-MM-DD')
  return statementCsv(merchantDay(mc.ctx.state, merchantId, date))
}
