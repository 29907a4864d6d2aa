import { updateMerchantRequest } from '@ecny/protocol'
import { normalizeMobile } from '@ecny/sdk-core/internal'
import type * as z from 'zod/mini'
import { merchantToWire } from '../engine/toWire.js'
import type { MerchantRecord } from '../state/merchantStore.js'
import { parseParams } from '../support/parseParams.js'
import { assertUsccCheck } from './assertUsccCheck.js'
import type { MerchantContext } from './merchantContext.js'
import { editableApplication } from './merchantLookups.js'

/** `PATCH /v1/merchants/{id}`: changes a draft or rejected application; it becomes a draft again. */
export function updateApplication(
  mc: MerchantContext,
  merchantId: string,
  input: z.input<typeof updateMerchantRequest>,
) {
  const record = editableApplication(mc, merchantId)
  const params = parseParams(updateMerchantRequest, input)
  const allowInvalid = params.allowInvalidUsccCheck ?? mc.store.usccOverrides.get(merchantId) ?? false
  if (params.uscc !== undefined) assertUsccCheck(params.uscc, allowInvalid)
  mc.store.usccOverrides.set(merchantId, allowInvalid)
  const next: MerchantRecord = {
    ...record,
    ...(params.legalName !== undefined && { legalName: params.legalName }),
    ...(params.uscc !== undefined && { uscc: params.uscc }),
    ...(params.mcc !== undefined && { mcc: params.mcc }),
    ...(params.legalRepresentative !== undefined && {
      legalRepresentative: {
        ...params.legalRepresentative,
        idNumber: params.legalRepresentative.idNumber.toUpperCase(),
      },
    }),
    ...(params.contactMobile !== undefined && { contactMobile: normalizeMobile(params.contactMobile) }),
    ...(params.settlementWalletId !== undefined && { settlementWalletId: params.settlementWalletId }),
    ...(params.notifyUrl !== undefined && { notifyUrl: params.notifyUrl }),
    status: 'draft',
  }
  mc.ctx.merchants.put(next)
  return merchantToWire(next)
}
