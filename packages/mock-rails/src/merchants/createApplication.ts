import { createMerchantRequest } from '@ecny/protocol'
import { normalizeMobile } from '@ecny/sdk-core/internal'
import type * as z from 'zod/mini'
import { nextId } from '../engine/engineContext.js'
import { merchantToWire } from '../engine/toWire.js'
import type { MerchantRecord } from '../state/merchantStore.js'
import { parseParams } from '../support/parseParams.js'
import { assertUsccCheck } from './assertUsccCheck.js'
import type { MerchantContext } from './merchantContext.js'

/** `POST /v1/merchants`: a draft application. */
export function createApplication(mc: MerchantContext, input: z.input<typeof createMerchantRequest>) {
  const params = parseParams(createMerchantRequest, input)
  assertUsccCheck(params.uscc, params.allowInvalidUsccCheck === true)
  const createdAt = mc.now()
  const record: MerchantRecord = {
    id: nextId(mc.ctx, 'mch_a'),
    status: 'draft',
    legalName: params.legalName,
    uscc: params.uscc,
    mcc: params.mcc,
    legalRepresentative: {
      ...params.legalRepresentative,
      idNumber: params.legalRepresentative.idNumber.toUpperCase(),
    },
    contactMobile: normalizeMobile(params.contactMobile),
    settlementWalletId: params.settlementWalletId,
    documents: [],
    rejections: [],
    notifyUrl: params.notifyUrl ?? null,
    createdAt,
    reviewedAt: null,
  }
  mc.store.usccOverrides.set(record.id, params.allowInvalidUsccCheck === true)
  mc.ctx.merchants.put(record)
  return merchantToWire(record)
}
