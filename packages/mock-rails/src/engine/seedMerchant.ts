import { computeUsccCheckChar } from '@ecny/sdk-core/internal'
import type { MerchantRecord } from '../state/merchantStore.js'
import { openWallet } from '../wallets/openWallet.js'
import type { EngineContext } from './engineContext.js'
import { nextId } from './engineContext.js'
import { merchantToWire } from './toWire.js'

export type SeedMerchantParameters = {
  id?: string
  legalName?: string
  /** A valid USCC; one is made up when omitted. */
  uscc?: string
  mcc?: string
  notifyUrl?: string | null
}

/**
 * Creates an approved merchant with its corporate (WT09) settlement wallet in one step, skipping the
 * application and review a real merchant goes through. For tests, demos and the sandbox.
 */
export function seedMerchant(ctx: EngineContext, params: SeedMerchantParameters = {}) {
  const id = params.id ?? nextId(ctx, 'mch')
  const n = ctx.state.counters.mch ?? ctx.state.merchants.size + 1
  const legalName = params.legalName ?? `模拟商户${n}有限公司`
  const first17 = `91110108MA${String(n).padStart(7, '0')}`
  const uscc = params.uscc ?? `${first17}${computeUsccCheckChar(first17)}`
  const wallet = openWallet(ctx, {
    type: 'WT09',
    entity: { legalName, uscc },
    settlementAccount: { accountNo: `6100${String(n).padStart(12, '0')}`, accountName: legalName },
  })
  const now = ctx.clock.now()
  const record: MerchantRecord = {
    id,
    status: 'approved',
    legalName,
    uscc,
    mcc: params.mcc ?? '5411',
    legalRepresentative: { name: '张三', idType: 'IT01', idNumber: '110105199001011234' },
    contactMobile: '13800138000',
    settlementWalletId: wallet.id,
    documents: [],
    rejections: [],
    notifyUrl: params.notifyUrl ?? null,
    createdAt: now,
    reviewedAt: now,
  }
  ctx.merchants.put(record)
  return merchantToWire(record)
}
