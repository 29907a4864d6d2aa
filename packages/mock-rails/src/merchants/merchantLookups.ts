import type { MerchantRecord } from '../state/merchantStore.js'
import { notFound, RailsError } from '../support/railsError.js'
import type { MerchantContext } from './merchantContext.js'
import type { SceneRecord } from './merchantState.js'

/** The merchant record, or `not_found`. */
export function merchantRecord(mc: MerchantContext, merchantId: string): MerchantRecord {
  const record = mc.ctx.merchants.get(merchantId)
  if (!record) throw notFound('merchant', merchantId)
  return record
}

/** The merchant, refused with `merchant_not_approved` until its review approved it. */
export function approvedMerchant(mc: MerchantContext, merchantId: string): MerchantRecord {
  const record = merchantRecord(mc, merchantId)
  if (record.status !== 'approved') {
    throw new RailsError(
      'merchant_not_approved',
      `Merchant ${merchantId} is ${record.status}, not approved. Finish onboarding and wait for the review first.`,
      { merchantId, status: record.status },
    )
  }
  return record
}

/** An application that may still change: a draft, or one the review rejected. */
export function editableApplication(mc: MerchantContext, merchantId: string): MerchantRecord {
  const record = merchantRecord(mc, merchantId)
  if (record.status !== 'draft' && record.status !== 'rejected') {
    throw new RailsError(
      'invalid_state',
      `Application ${merchantId} is ${record.status}; only a draft or rejected application can be changed.`,
      { merchantId, status: record.status },
    )
  }
  return record
}

/** The scene, or `not_found`. */
export function sceneRecord(mc: MerchantContext, sceneId: string): SceneRecord {
  const found = mc.store.scenes.get(sceneId)
  if (!found) throw notFound('scene', sceneId)
  return found
}
