import { merchantToWire } from '../engine/toWire.js'
import type { MerchantRecord } from '../state/merchantStore.js'
import type { MerchantContext } from './merchantContext.js'
import { editableApplication } from './merchantLookups.js'
import { reviewApplication } from './reviewApplication.js'

/**
 * `POST /v1/merchants/{id}/submit`: reviews at once → approved, or rejected with field-level reasons;
 * the outcome goes out as `merchant.approved` / `merchant.rejected`.
 */
export function submitApplication(mc: MerchantContext, merchantId: string) {
  const record = editableApplication(mc, merchantId)
  const rejections = reviewApplication(mc.engine, record, mc.now())
  const reviewed: MerchantRecord = {
    ...record,
    status: rejections.length === 0 ? 'approved' : 'rejected',
    rejections,
    reviewedAt: mc.now(),
  }
  mc.ctx.merchants.put(reviewed)
  mc.ctx.emit({
    type: reviewed.status === 'approved' ? 'merchant.approved' : 'merchant.rejected',
    merchant: reviewed,
  })
  return merchantToWire(reviewed)
}
